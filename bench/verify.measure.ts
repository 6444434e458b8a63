import { it } from 'vitest'
import { verifyChallenge } from '../src/core/chain/verifyChallenge'
import { verifyLoginMessage } from '../src/core/chain/verifyLoginMessage'
import { createLoginMessage, generateNonce } from '../src/core/chain/loginMessage'
import { recoverPublicKey } from '../src/core/crypto/signatures'
import { createDevkitAccount } from '../src/devkit/accounts'
import { createChain } from '../src/devkit/chain'
import { signMessage } from '../src/devkit/keys'

// Verifications per second (against the devkit node in memory, so the chain's latency is left out: add your node's).
it('verifications per second', async () => {
  const chain = createChain()
  const alice = createDevkitAccount('alice')
  const message = createLoginMessage({ domain: 'example.com', account: 'alice', uri: 'https://example.com/', nonce: generateNonce() })
  const signature = signMessage(message, alice.keys.posting!)
  const rate = async (label: string, n: number, fn: () => unknown) => {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await fn()
    const seconds = (performance.now() - t0) / 1000
    console.log(
      `${label.padEnd(62)} ${Math.round(n / seconds)
        .toString()
        .padStart(6)} per second`,
    )
  }
  const chainOptions = { nodes: [chain.url], fetch: chain.fetch }
  for (let i = 0; i < 50; i++) recoverPublicKey(message, signature) // warm-up
  await rate('recoverPublicKey (secp256k1 recovery alone)', 2000, () => recoverPublicKey(message, signature))
  await rate('verifyChallenge, account cached (30 s)', 2000, () =>
    verifyChallenge({ account: 'alice', keyType: 'posting', message, signature, ...chainOptions }),
  )
  await rate('verifyChallenge, account read every time', 1000, () =>
    verifyChallenge({ account: 'alice', keyType: 'posting', message, signature, ...chainOptions, cacheMs: 0 } as Parameters<
      typeof verifyChallenge
    >[0]),
  )
  await rate('verifyLoginMessage (parse, checks, recovery, account cached)', 2000, () =>
    verifyLoginMessage({ message, signature, domain: 'example.com', ...chainOptions }),
  )
})
