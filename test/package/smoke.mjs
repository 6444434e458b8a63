// Run by test/package/builtPackage.test.ts in a plain Node process: imports the built package by its own name.
import { authenticate, createHasClient, createMemoryStorage } from 'hive-auth-react/core'
import { verifySignature } from 'hive-auth-react/verify'
import { createMemoryRelay, createWallet } from 'hive-auth-react/devkit'

const devkit = createMemoryRelay()
const wallet = createWallet({ url: devkit.url, WebSocket: devkit.WebSocket, accounts: ['alice'] })
const client = createHasClient({ app: { name: 'smoke' }, hosts: [devkit.url], WebSocket: devkit.WebSocket, storage: createMemoryStorage() })
const session = await authenticate(client, {
  account: 'alice',
  challenge: { keyType: 'posting', message: 'smoke-test' },
  onWait: (p) => void wallet.scan(p.deepLink),
})
const ok = verifySignature('smoke-test', session.challenge.signature, session.challenge.pubkey)
client.close()
wallet.close()
devkit.close()
console.log(JSON.stringify({ account: session.account, verified: ok }))
