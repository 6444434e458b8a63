import type { ChainOptions } from '../chain/rpc.js'
import type { HasSession } from '../types.js'

/**
 * Checks again, on chain, the stored sessions that say they were verified (storage's word is no proof): `onValid`
 * gets the key of each whose stored signature still proves its account. Failures and unreachable nodes leave the
 * session unverified, quietly.
 */
export function recheckVerified(
  sessions: readonly HasSession[],
  claimed: readonly string[],
  chain: ChainOptions | undefined,
  onValid: (key: string) => void,
) {
  const keys = new Set(claimed)
  for (const session of sessions) {
    const { challenge, account, key } = session
    if (!keys.has(key) || !challenge?.message) continue
    void import('../chain/verifyChallenge.js')
      .then(({ verifyChallenge }) =>
        verifyChallenge({ ...chain, account, keyType: challenge.keyType ?? 'posting', message: challenge.message, signature: challenge.signature }),
      )
      .then(
        (result) => {
          if (result.valid) onValid(key)
        },
        () => {},
      )
  }
}
