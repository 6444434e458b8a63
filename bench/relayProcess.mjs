// Child process of bench/relay-load.mjs: the devkit relay alone on one core, built from dist/.
import { startRelay } from '../dist/devkit-node.js'

const retain = Number(process.argv[2] ?? 0)
const running = await startRelay({
  timeout: 600,
  answerRetentionMs: retain ? 600_000 : 60_000,
  maxRequests: 1_000_000,
  maxHeldChars: 1024 * 1024 * 1024,
  maxRequestsPerSocket: 1_000_000,
})
process.send?.({ url: running.url })
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ held: running.relay.requests().length, heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) })
  if (message === 'cpu') process.send?.(process.cpuUsage())
})
