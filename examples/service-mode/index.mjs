// Service mode: a headless PKSA (here the devkit's simulation of the official hive-auth-pksa) holds the keys, and the
// app shares a secret with it instead of showing a QR code. Run it with `npm run example:service-mode`.
import { authenticate, createHasClient, createMemoryStorage, sign } from 'hive-auth-react/core'
import { startRelay } from 'hive-auth-react/devkit/node'
import { createWallet } from 'hive-auth-react/devkit/node'

const SECRET = 'the-auth_req_secret-in-the-pksa-storage.json'

const relay = await startRelay({ timeout: 1 }) // a one-second request lifetime, so the silent case below ends quickly
const pksa = createWallet({ url: relay.url, accounts: ['alice'], profile: 'pksa-service', secret: SECRET })
await pksa.connect()

const has = createHasClient({ app: { name: 'Service-mode example' }, hosts: [relay.url], storage: createMemoryStorage(), authKeySecret: SECRET })
const session = await authenticate(has, { account: 'alice' }) // no QR code: the PKSA reads the auth_key with the secret
console.log(`logged in as @${session.account} until ${new Date(session.expire).toISOString()}`)

const { txid } = await sign(has, {
  account: 'alice',
  keyType: 'posting',
  ops: [['vote', { voter: 'alice', author: 'hiveio', permlink: 'welcome', weight: 10000 }]],
})
console.log(`voted: transaction ${txid}`)

try {
  await sign(has, { account: 'alice', keyType: 'active', ops: [['transfer', { from: 'alice', to: 'bob', amount: '0.001 HIVE', memo: '' }]] })
} catch (error) {
  // The official PKSA never signs with the active key and says nothing: the request expires, and the error says why.
  console.log(`active-key transfer: ${error.code} (${error.hint}): ${error.shortMessage}`)
}

has.close()
pksa.close()
await relay.close()
