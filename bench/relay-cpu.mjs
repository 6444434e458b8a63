// `npm run bench`: CPU the devkit relay spends per login, beside a minimal ws router that only routes (no proof of
// key, quotas, expiry or limits), both in their own process, driven the same way in the same run.
import { startChildServer } from './childServer.mjs'
import { loginOn, socket, startWallet } from './relayClients.mjs'

const LOGINS = Number(process.env.BENCH_LOGINS ?? 20_000)
const CONCURRENCY = 16

/** CPU microseconds (user + system) the process spent per login, over `count` logins on kept sockets. */
async function cpuPerLogin(server, count) {
  const sockets = await Promise.all(Array.from({ length: CONCURRENCY }, () => socket(server.url)))
  let left = count
  const drive = async (ws) => {
    while (left-- > 0) await loginOn(ws)
  }
  const before = await server.ask('cpu')
  const t0 = performance.now()
  await Promise.all(sockets.map(drive))
  const seconds = (performance.now() - t0) / 1000
  const after = await server.ask('cpu')
  for (const ws of sockets) ws.terminate()
  return { us: (after.user - before.user + after.system - before.system) / count, perSecond: count / seconds }
}

console.log(`relay CPU per login (${LOGINS} logins per sample, ${CONCURRENCY} kept sockets, each server in its own process; samples alternate)`)
const servers = [
  { name: 'devkit relay', ...(await startChildServer('./relayProcess.mjs', ['0'])) },
  { name: 'minimal ws router', ...(await startChildServer('./minimalRouter.mjs')) },
]
for (const server of servers) {
  server.wallet = await startWallet(server.url)
  await cpuPerLogin(server, 2000) // warm-up (JIT), not counted
  server.samples = []
}
for (let round = 0; round < 5; round++) for (const server of servers) server.samples.push(await cpuPerLogin(server, LOGINS))
const median = (samples, key) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)]
for (const { name, samples } of servers) {
  const us = samples.map((s) => s.us.toFixed(1)).join(' / ')
  console.log(
    `${name.padEnd(20)} ${median(samples, 'us').toFixed(1).padStart(7)} µs CPU per login (median of ${us})   ${Math.round(median(samples, 'perSecond'))} logins/s`,
  )
}
const [relay, router] = servers
console.log(`devkit relay / minimal router: ${(median(relay.samples, 'us') / median(router.samples, 'us')).toFixed(2)}× the CPU per login`)
for (const server of servers) {
  server.wallet.terminate()
  server.stop()
}
