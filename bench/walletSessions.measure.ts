import { it } from 'vitest'
import { createHasClient } from '../src/core/client/createHasClient'
import { createMemoryStorage } from '../src/core/storage/createMemoryStorage'
import { createMemoryRelay } from '../src/devkit/memory'
import { createWallet } from '../src/devkit/wallet'
import { authenticate } from '../src/core/actions/authenticate'
import { challenge } from '../src/core/actions/challenge'
import { sign } from '../src/core/actions/sign'

// A wallet simulator that has granted 1,005 sessions: how long one more login, sign and challenge take end to end.
it('a login, a sign and a challenge with 1,005 sessions saved in the wallet', async () => {
  const devkit = createMemoryRelay()
  const wallet = createWallet({ url: devkit.url, WebSocket: devkit.WebSocket, accounts: ['alice'] })
  const client = createHasClient({ app: { name: 'bench' }, hosts: [devkit.url], WebSocket: devkit.WebSocket, storage: createMemoryStorage() })
  const login = () => authenticate(client, { account: 'alice', onWait: (p) => void wallet.scan(p.deepLink) })
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now()
    await fn()
    return performance.now() - t0
  }
  await login()
  const few = await time(login) // warm, with 2 sessions saved
  for (let i = 0; i < 1003; i++) await login()
  const vote = [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 1 }]] as [string, Record<string, unknown>][]
  const timings = { login: await time(login), sign: await time(() => sign(client, { account: 'alice', keyType: 'posting', ops: vote })) }
  const challenged = await time(() => challenge(client, { account: 'alice', keyType: 'posting', message: 'm' }))
  console.log(
    `wallet with ${wallet.sessions().length} sessions: login ${timings.login.toFixed(1)} ms (with 2 sessions: ${few.toFixed(1)} ms), sign ${timings.sign.toFixed(1)} ms, challenge ${challenged.toFixed(1)} ms (before this work: a login took 115 ms)`,
  )
  client.close()
  wallet.close()
  devkit.close()
})
