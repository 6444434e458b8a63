import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { HasError } from '../../src/core/errors/HasError'
import { parseFrame } from '../../src/core/protocol/parseFrame'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { encodeMemo } from '../../src/devkit/memo'
import { createHarness, type Harness } from '../support/devkitHarness'
import { createRandom, randomFrame, randomValue } from '../support/garbage'
import { FAKE_CLOCK, settle, until } from '../support/until'
import { authenticate } from '../../src/core/actions/authenticate'

let h: Harness | undefined
afterEach(async () => {
  vi.useRealTimers()
  await h?.close()
  h = undefined
})

describe('a hostile wallet', () => {
  it('answering every request with forged and malformed answers never logs anyone in', async () => {
    h = await createHarness({ wallet: { accounts: ['bob'] } })
    const r = createRandom(42)
    let answers = 0
    // A PKSA registered for alice that answers everything it sees with garbage, many times.
    const rogue = new WebSocket(h.server.url)
    // Frames over the relay's size limit would (rightly) end the rogue's connection; the point here is what gets in.
    const send = (frame: string | Uint8Array | Record<string, unknown>) => {
      if (frame instanceof Uint8Array) return rogue.send(frame)
      const text = typeof frame === 'string' ? frame : JSON.stringify(frame)
      if (text.length < 60_000) rogue.send(text)
    }
    await new Promise<void>((resolve) => {
      rogue.on('message', (raw) => {
        const frame = parseFrame(raw.toString())
        // The worst case: a wallet that does hold alice's key (its proof of key is valid) and answers garbage.
        if (frame?.cmd === 'connected') rogue.send(JSON.stringify({ cmd: 'key_req' }))
        if (frame?.cmd === 'key_ack') {
          const pok = encodeMemo(createDevkitAccount('alice').keys.memo!, String(frame.key), `#${Date.now()}`)
          rogue.send(JSON.stringify({ cmd: 'register_req', app: 'rogue', accounts: [{ name: 'alice', pok }] }))
        }
        if (frame?.cmd === 'register_ack') resolve()
        if (frame?.cmd === 'auth_req') {
          const uuid = String(frame.uuid)
          for (let i = 0; i < 50; i++) {
            const kind = r.pick(['auth_ack', 'auth_ack', 'auth_ack', 'auth_nack', 'auth_err', 'sign_ack'])
            const data = kind === 'auth_nack' ? r.pick([randomValue(r), undefined]) : randomValue(r)
            send({ cmd: kind, uuid, data: kind === 'auth_nack' && data === undefined ? 'U2FsdGVkX1' : data, error: randomValue(r) })
            if (r.int(10) === 0) send(randomFrame(r, [uuid]))
            answers++
          }
        }
      })
    })
    const outcomes: Record<string, number> = {}
    // What reached the client: the relay forwards the first answer of the request's kind, one per login.
    const delivered = () => h!.frames.filter((f) => f.direction === 'out' && /"cmd":"auth_(ack|nack|err)"/.test(f.text)).length
    vi.useFakeTimers(FAKE_CLOCK) // requests the rogue answers wrongly expire when the test says, not under CPU load
    for (let round = 0; round < 20; round++) {
      let outcome: string | undefined
      authenticate(h.client, { account: 'alice' }).then(
        () => (outcome = 'resolved'),
        (e: unknown) => (outcome = e instanceof HasError ? e.code : 'untyped'),
      )
      await until(() => delivered() === round + 1)
      await settle()
      if (outcome === undefined) await vi.advanceTimersByTimeAsync(61_000)
      await until(() => outcome !== undefined)
      outcomes[outcome!] = (outcomes[outcome!] ?? 0) + 1
    }
    vi.useRealTimers()
    rogue.close()
    console.info(`hostile wallet: ${answers} answers sent, ${delivered()} delivered to the client, outcomes`, outcomes)
    expect(delivered()).toBe(20)
    expect(outcomes.resolved).toBeUndefined()
    expect(outcomes.untyped).toBeUndefined()
    expect(h.client.getState().sessions).toEqual([])
    // The relay survived and still serves the honest wallet.
    await expect(h.login('bob')).resolves.toMatchObject({ account: 'bob' })
  })
})

describe('hostile apps against the devkit relay', () => {
  it('2000 malformed frames from several sockets neither crash it nor disturb an honest login', async () => {
    h = await createHarness()
    const r = createRandom(7)
    let sent = 0
    const sockets = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<WebSocket>((resolve) => {
            const ws = new WebSocket(h!.server.url)
            ws.on('open', () => resolve(ws))
          }),
      ),
    )
    for (let i = 0; i < 2000; i++) {
      const frame = randomFrame(r, ['x'])
      sockets[i % 4]!.send(frame)
      sent++
    }
    await settle(200)
    for (const s of sockets) s.close()
    expect(sent).toBe(2000)
    await expect(h.login('alice')).resolves.toMatchObject({ account: 'alice' })
  })
})
