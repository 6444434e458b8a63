import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type RunningRelay, startRelay } from '../../src/devkit/server'
import { until } from '../support/until'

// The devkit relay's bounds over real sockets on 127.0.0.1, pinned where a mutation run found them loose: when full it
// drops requests nobody waits on, oldest first, never one a socket is attached to; a request answers at most 16 sockets.

let relay: RunningRelay | undefined
const sockets: WebSocket[] = []
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  await relay?.close()
  relay = undefined
})

/** A raw app socket that records the frames the relay sends it. */
async function app() {
  const ws = new WebSocket(relay!.url)
  sockets.push(ws)
  const frames: Record<string, unknown>[] = []
  ws.on('message', (raw) => frames.push(JSON.parse(raw.toString()) as Record<string, unknown>))
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const next = async (cmd: string, from = frames.length) => {
    await until(() => frames.slice(from).some((f) => f.cmd === cmd || f.cmd === 'error'))
    return frames.slice(from).find((f) => f.cmd === cmd || f.cmd === 'error')!
  }
  return {
    ws,
    /** Sends a login request for carol (whom no wallet holds) and returns the relay's reply. */
    async request() {
      const from = frames.length
      ws.send(JSON.stringify({ cmd: 'auth_req', account: 'carol', data: 'x' }))
      return next('auth_wait', from)
    },
    async attach(uuid: unknown) {
      const from = frames.length
      ws.send(JSON.stringify({ cmd: 'attach_req', uuid }))
      await until(() => frames.slice(from).some((f) => f.uuid === uuid && String(f.cmd).startsWith('attach_')))
      return frames.slice(from).find((f) => f.uuid === uuid)!.cmd
    },
    close: () => new Promise((resolve) => ws.once('close', resolve).close()),
  }
}

describe('a full relay', () => {
  it('drops the oldest request nobody waits on, and never one a socket waits on', async () => {
    relay = await startRelay({ maxRequests: 3 })
    const leaving = await app()
    const uuids = [(await leaving.request()).uuid, (await leaving.request()).uuid, (await leaving.request()).uuid]
    await leaving.close()
    const b = await app()
    expect((await b.request()).cmd).toBe('auth_wait')
    const c = await app()
    expect(await c.attach(uuids[0])).toBe('attach_nack') // the oldest left one made room
    expect(await c.attach(uuids[1])).toBe('attach_ack')
    const d = await app()
    expect((await d.request()).cmd).toBe('auth_wait') // room made from the last left one
    expect(await (await app()).attach(uuids[2])).toBe('attach_nack')
    expect(await (await app()).request()).toMatchObject({ cmd: 'error', error: 'server busy' }) // all three have a socket
  })
})

describe('sockets attached to one request', () => {
  it('at most 16; one already attached may attach again', async () => {
    relay = await startRelay()
    const owner = await app()
    const { uuid } = await owner.request()
    const others = await Promise.all(Array.from({ length: 16 }, () => app()))
    const replies = []
    for (const other of others) replies.push(await other.attach(uuid))
    expect(replies.filter((r) => r === 'attach_ack')).toHaveLength(15)
    expect(replies.at(-1)).toBe('attach_nack')
    expect(await owner.attach(uuid)).toBe('attach_ack')
  })
})
