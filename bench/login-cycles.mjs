// `npm run bench`: 1,000 login/logout cycles on one client against the devkit relay over real WebSockets: heap,
// listeners and timers must come back to where they were (a leak grows with every cycle). Printed, never asserted.
// Run with --expose-gc (npm run bench does) so the heap is measured after a full collection.
import { startChildServer } from './childServer.mjs'
import WebSocket from 'ws'
import { authenticate, createHasClient, createMemoryStorage } from '../dist/core.js'
import { createWallet } from '../dist/devkit.js'

const CYCLES = Number(process.env.BENCH_CYCLES ?? 1000)
// The relay runs in its own process: the heap measured here is the client's (and the simulated wallet's).
const relay = await startChildServer('./relayProcess.mjs', ['0'])
const wallet = createWallet({ url: relay.url, WebSocket, accounts: ['alice'], decision: 'approve' })
const client = createHasClient({ app: { name: 'cycles' }, hosts: [relay.url], WebSocket, storage: createMemoryStorage() })
let listeners = 0
const unsubscribe = client.subscribe(() => listeners++)

const snapshot = () => {
  globalThis.gc?.()
  const resources = process.getActiveResourcesInfo()
  return { heapMb: process.memoryUsage().heapUsed / 1e6, timers: resources.filter((r) => r === 'Timeout').length, handles: resources.length }
}
const cycle = async () => {
  await authenticate(client, { account: 'alice', onWait: (p) => void wallet.scan(p.deepLink) })
  client.logout('alice')
}
for (let i = 0; i < 20; i++) await cycle() // warm-up: caches, JIT, the socket
const before = snapshot()
const start = performance.now()
for (let i = 0; i < CYCLES; i++) await cycle()
const seconds = (performance.now() - start) / 1000
await new Promise((r) => setTimeout(r, 50))
const after = snapshot()
console.log(
  `${CYCLES} login/logout cycles (${(CYCLES / seconds).toFixed(0)}/s): heap ${before.heapMb.toFixed(1)} → ${after.heapMb.toFixed(1)} MB` +
    ` (${(((after.heapMb - before.heapMb) * 1e6) / CYCLES).toFixed(0)} B per cycle), timers ${before.timers} → ${after.timers},` +
    ` active handles ${before.handles} → ${after.handles}, sessions the simulated wallet still holds: ${wallet.sessions().length}, client state: ${client.getState().requests.length} requests, ${client.getState().sessions.length} sessions`,
)
unsubscribe()
client.close()
wallet.close()
relay.stop()
process.exit(0)
