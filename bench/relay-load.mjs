// `npm run bench`: logins per second through the devkit relay (in its own process, one core), and latency.
// A "login" is auth_req → auth_wait → forwarded to the registered wallet → auth_ack → delivered to the app.
import { startChildServer } from './childServer.mjs'
import { loginOn, socket, startWallet } from './relayClients.mjs'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const wait = (ms) => new Promise((r) => setTimeout(r, ms))

async function run(url, concurrency, freshSocket, seconds = SECONDS) {
  const latencies = []
  const deadline = performance.now() + seconds * 1000
  const kept = freshSocket ? [] : await Promise.all(Array.from({ length: concurrency }, () => socket(url)))
  const worker = async (i) => {
    while (performance.now() < deadline) {
      if (freshSocket) {
        const t0 = performance.now()
        const ws = await socket(url)
        await loginOn(ws)
        latencies.push(performance.now() - t0)
        ws.terminate()
      } else latencies.push(await loginOn(kept[i]))
    }
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)))
  const elapsed = (performance.now() - start) / 1000
  for (const ws of kept) ws.terminate()
  latencies.sort((a, b) => a - b)
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]
  return { perSecond: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99), count: latencies.length }
}

const line = (label, r) =>
  `${label.padEnd(44)} ${String(Math.round(r.perSecond)).padStart(7)} logins/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms`

console.log(`relay load (devkit relay in its own process; ${SECONDS} s per row; target ≥ 10 000 logins/s on kept sockets, p99 < 20 ms)`)
const results = {}
for (const retain of [0, 100_000]) {
  const relay = await startChildServer('./relayProcess.mjs', [String(retain)])
  const wallet = await startWallet(relay.url)
  if (retain) {
    const t0 = performance.now()
    let held = 0
    while (held < retain) {
      await run(relay.url, 64, false, 1)
      held = (await relay.ask('stats')).held
    }
    console.log(
      `-- with ${held} answers retained (filled in ${((performance.now() - t0) / 1000).toFixed(1)} s; relay heap ${(await relay.ask('stats')).heapMb} MB)`,
    )
  } else {
    await run(relay.url, 16, false, 1) // warm-up (JIT), not counted
    console.log('-- fresh relay (after a 1 s warm-up)')
  }
  for (const concurrency of [1, 16, 64]) {
    const r = await run(relay.url, concurrency, false)
    results[`${retain}:${concurrency}`] = r
    console.log(line(`kept sockets, concurrency ${concurrency}`, r))
  }
  for (const concurrency of [1, 16]) console.log(line(`fresh socket per login, concurrency ${concurrency}`, await run(relay.url, concurrency, true)))
  wallet.terminate()
  relay.stop()
  await wait(100)
}
const best = (retain) => Math.max(...[1, 16, 64].map((c) => results[`${retain}:${c}`].perSecond))
console.log(`with 100 000 answers retained: ${((best(100_000) / best(0)) * 100).toFixed(0)}% of the fresh relay's best throughput (target ≥ 90%)`)
