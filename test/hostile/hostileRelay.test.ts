import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { WebSocketServer, type WebSocket } from 'ws'
import { createHasClient } from '../../src/core/client/createHasClient'
import { HasError } from '../../src/core/errors/HasError'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { createRandom, randomFrame } from '../support/garbage'
import { FAKE_CLOCK, settle, until } from '../support/until'
import { authenticate } from '../../src/core/actions/authenticate'

const ROUNDS = 40
const FRAMES_PER_ROUND = 100
let wss: WebSocketServer
let url = ''
let framesSent = 0
let requestsReceived = 0

beforeAll(async () => {
  const r = createRandom(0xbadf00d)
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()))
  url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`
  // A relay that answers each request with a wait and then a burst of hostile frames, and never a genuine answer.
  wss.on('connection', (ws: WebSocket) => {
    ws.send(JSON.stringify({ cmd: 'connected', timeout: 60, protocol: 1 }))
    let n = 0
    ws.on('message', (raw) => {
      const cmd = JSON.parse(raw.toString()).cmd as string
      if (cmd === 'auth_req') requestsReceived++
      const uuid = `hostile-${++n}`
      const uuids = [uuid, 'other-uuid', '']
      if (r.int(4) > 0) ws.send(JSON.stringify({ cmd: cmd.replace('_req', '_wait'), uuid, expire: Date.now() + 60_000, account: 'alice' }))
      for (let i = 0; i < FRAMES_PER_ROUND; i++) {
        ws.send(randomFrame(r, uuids))
        framesSent++
      }
    })
  })
})
afterAll(() => new Promise<void>((resolve) => wss.close(() => resolve())))

describe('a hostile relay', () => {
  it(`cannot crash, hang or forge a login with ${ROUNDS * FRAMES_PER_ROUND} malformed and forged frames`, async () => {
    vi.useFakeTimers(FAKE_CLOCK) // the client's clock: each round expires when the test says, not under CPU load
    const client = createHasClient({ app: { name: 'x' }, hosts: [url], storage: createMemoryStorage() })
    const outcomes: Record<string, number> = {}
    for (let round = 0; round < ROUNDS; round++) {
      let result: string | undefined
      authenticate(client, { account: 'alice' }).then(
        () => (result = 'resolved'),
        (error: unknown) => (result = error instanceof HasError ? error.code : 'untyped'),
      )
      await until(() => result !== undefined || framesSent === (round + 1) * FRAMES_PER_ROUND)
      await settle() // the burst is read by the client before its deadline comes
      if (result === undefined) await vi.advanceTimersByTimeAsync(61_000)
      await until(() => result !== undefined)
      outcomes[result!] = (outcomes[result!] ?? 0) + 1
    }
    client.close()
    vi.useRealTimers()
    console.info(`hostile relay: ${framesSent} frames sent, outcomes`, outcomes)
    expect(requestsReceived).toBe(ROUNDS)
    expect(framesSent).toBe(ROUNDS * FRAMES_PER_ROUND)
    expect(outcomes.resolved).toBeUndefined()
    expect(outcomes.untyped).toBeUndefined()
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(ROUNDS)
    expect(client.getState().sessions).toEqual([])
  })
})
