// What the relay benches drive a relay with: sockets, a wallet that approves at once, and one login at a time.
import WebSocket from 'ws'
import { createDevkitAccount } from '../dist/devkit.js'
import { encodeMemo } from '../dist/devkit/memo.js'

/** Resolves with an open socket once the relay greeted it. */
export function socket(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false })
    ws.once('message', () => resolve(ws)) // `connected`
    ws.once('error', reject)
  })
}

/** A wallet registered for alice (with a proof of key) that approves every request at once. */
export async function startWallet(url) {
  const ws = await socket(url)
  const alice = createDevkitAccount('alice')
  ws.on('message', (raw) => {
    const frame = JSON.parse(raw.toString())
    if (frame.cmd === 'key_ack')
      ws.send(
        JSON.stringify({
          cmd: 'register_req',
          app: 'bench',
          accounts: [{ name: 'alice', pok: encodeMemo(alice.keys.memo, frame.key, `#${Date.now()}`) }],
        }),
      )
    if (frame.cmd === 'auth_req') ws.send(JSON.stringify({ cmd: 'auth_ack', uuid: frame.uuid, data: 'U2FsdGVkX1+benchbenchbenchbenchbenchbench=' }))
  })
  const registered = new Promise((resolve) => ws.on('message', (raw) => JSON.parse(raw.toString()).cmd === 'register_ack' && resolve()))
  ws.send(JSON.stringify({ cmd: 'key_req' }))
  await registered
  return ws
}

export const REQUEST = JSON.stringify({ cmd: 'auth_req', account: 'alice', data: `U2FsdGVkX1${'A'.repeat(300)}=` })

/** One login on an open socket: resolves with its latency in ms. */
export function loginOn(ws) {
  return new Promise((resolve) => {
    const t0 = performance.now()
    let uuid
    const onMessage = (raw) => {
      const frame = JSON.parse(raw.toString())
      if (frame.cmd === 'auth_wait' && !uuid) uuid = frame.uuid
      else if (frame.cmd === 'auth_ack' && frame.uuid === uuid) {
        ws.off('message', onMessage)
        resolve(performance.now() - t0)
      }
    }
    ws.on('message', onMessage)
    ws.send(REQUEST)
  })
}
