import { it } from 'vitest'
import { createHasClient } from '../src/core/client/createHasClient'
import type { HasStorage } from '../src/core/storage/HasStorage'
import { createMemoryStorage } from '../src/core/storage/createMemoryStorage'
import { STORAGE_KEY } from '../src/core/storage/sessionRecords'
import { createMemoryRelay } from '../src/devkit/memory'
import { createWallet } from '../src/devkit/wallet'
import { authenticate } from '../src/core/actions/authenticate'

/** Memory storage that counts writes. */
function countingStorage() {
  const inner = createMemoryStorage()
  const counter = { writes: 0 }
  const storage: HasStorage = {
    getItem: (k) => inner.getItem(k),
    setItem: (k, v) => {
      counter.writes++
      inner.setItem(k, v)
    },
    removeItem: (k) => {
      counter.writes++
      inner.removeItem(k)
    },
  }
  return { storage, counter }
}

it('store notifications and storage writes per login', async () => {
  const devkit = createMemoryRelay()
  const wallet = createWallet({ url: devkit.url, WebSocket: devkit.WebSocket, accounts: ['alice'], decision: 'manual' })
  const { storage, counter } = countingStorage()
  const client = createHasClient({ app: { name: 'bench' }, hosts: [devkit.url], WebSocket: devkit.WebSocket, storage })
  let notifications = 0
  client.subscribe(() => notifications++)
  for (const label of ['cold (socket opens)', 'warm (socket open)']) {
    const start = { notifications, writes: counter.writes }
    const login = authenticate(client, { account: 'alice', onWait: (p) => void wallet.scan(p.deepLink) })
    while (wallet.pending().length === 0) await new Promise((r) => setTimeout(r, 1))
    const beforeApproval = { notifications, writes: counter.writes }
    wallet.approve(wallet.pending()[0]!.uuid)
    await login
    console.log(
      `login, ${label}: ${notifications - start.notifications} store notifications (${notifications - beforeApproval.notifications} on approval), ` +
        `${counter.writes - start.writes} storage writes (${counter.writes - beforeApproval.writes} on approval)`,
    )
  }
  console.log('target: 1 notification and 1 storage write on approval (before this work: 7 notifications and 3 writes per login)')
  client.close()
  wallet.close()
  devkit.close()
})

it('startup time against the number of stored sessions', () => {
  const median = (samples: number[]) => samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!
  const results: [number, number][] = []
  for (const count of [10, 100, 1000, 10_000]) {
    const sessions = Array.from({ length: count }, (_, i) => ({
      account: `user${i}`.padEnd(5, 'x'),
      key: `key-${i}`,
      expire: Date.now() + 3_600_000,
      host: 'wss://h',
    }))
    const raw = JSON.stringify({ version: 1, sessions, pending: [], nonce: 0 })
    const samples: number[] = []
    for (let run = 0; run < 25; run++) {
      const storage = createMemoryStorage()
      storage.setItem(STORAGE_KEY, raw)
      const t0 = performance.now()
      createHasClient({ app: { name: 'bench' }, hosts: ['ws://127.0.0.1:9'], storage }).close()
      samples.push(performance.now() - t0)
    }
    results.push([count, median(samples)])
  }
  for (const [count, ms] of results) console.log(`startup with ${String(count).padStart(6)} stored sessions: ${ms.toFixed(3)} ms (median of 25)`)
  const [, t1000] = results[2]!
  const [, t10000] = results[3]!
  console.log(`10× the sessions costs ${(t10000 / t1000).toFixed(1)}× the time (linear ≈ 10×; quadratic ≈ 100×); 64 sessions at most are kept`)
})
