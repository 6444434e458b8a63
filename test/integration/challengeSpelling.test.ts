import { afterEach, describe, expect, it } from 'vitest'
import { challenge } from '../../src/core/actions/challenge'
import { bufferEnvelope, wireChallenge } from '../../src/core/crypto/challengeSpelling'
import { recoverEnvelopeSigner, recoverPublicKey } from '../../src/core/crypto/signatures'
import { verifyChallenge } from '../../src/core/chain/verifyChallenge'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { challengeBytes } from '../../src/devkit/challengeBytes'
import { WALLET_PROFILES } from '../../src/devkit/profiles'
import { createHarness, type Harness } from '../support/devkitHarness'
import { until } from '../support/until'

// Every HAS wallet whose source is public pastes a challenge into JavaScript between single quotes: a Sign in with
// Hive message (several lines) would never be answered by Hive Keychain Mobile or the HiveAuth app. The kit sends such a
// message as its Buffer-JSON envelope; these tests log in verified through each wallet profile over a real relay.

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const alice = createDevkitAccount('alice')

describe('a verified login through every wallet profile', () => {
  it.each(WALLET_PROFILES)('%s: signs the multi-line message and the session is verified on chain', async (profile) => {
    h = await createHarness({ wallet: { profile } })
    const session = await h.login('alice', { verify: true })
    expect(session.verified).toBe(true)
    expect(session.challenge?.message).toContain('\n')
    expect(session.challenge?.pubkey).toBe(alice.publicKeys.posting)
    const result = await verifyChallenge({
      account: 'alice',
      keyType: 'posting',
      message: session.challenge!.message,
      signature: session.challenge!.signature,
      nodes: [h.chain.url],
      fetch: h.chain.fetch,
    })
    expect(result).toMatchObject({ valid: true, publicKey: alice.publicKeys.posting })
  })

  it('the challenge reaches the wallet as its envelope: no line break and no quote', async () => {
    h = await createHarness({ wallet: { profile: 'keychain', decision: 'manual' } })
    const login = h.login('alice', { verify: true })
    await until(() => h!.wallet.pending().length === 1, 5000)
    const [request] = h.wallet.pending()
    expect(request!.challenge).toMatch(/^\{"type":"Buffer","data":\[[0-9,]+\]\}$/)
    h.wallet.approve(request!.uuid)
    const session = await login
    expect(bufferEnvelope(session.challenge!.message)).toBe(request!.challenge)
  })

  it.each([
    ['keychain', 'Line one\nline two'],
    ['hiveauth-mobile', "it's signed"],
  ] as const)('%s: a challenge its code could not paste as text is still answered (%j)', async (profile, message) => {
    h = await createHarness({ wallet: { profile } })
    await h.login('alice')
    const result = await challenge(h.client, { account: 'alice', keyType: 'posting', message, onWait: () => {} })
    expect(result).toMatchObject({ pubkey: alice.publicKeys.posting })
  })
})

describe('the devkit wallets sign what the real wallets sign', () => {
  const message = 'example.com wants you to sign in with your Hive account:\nalice\n\n\nURI: https://example.com/'

  it('Keychain Mobile never answers a line break as text, and signs an envelope over the message bytes', () => {
    expect(challengeBytes('keychain-bridge', message)).toBeUndefined()
    expect(challengeBytes('keychain-bridge', bufferEnvelope(message))).toEqual(new TextEncoder().encode(message))
    expect(challengeBytes('keychain-bridge', "one line with ' and \\")).toEqual(new TextEncoder().encode("one line with ' and \\"))
    expect(challengeBytes('keychain-bridge', '{"a":{"type":"Buffer","data":[1]}}')).toBeUndefined()
  })

  it('the HiveAuth app signs the envelope as text, never answers a quote or a line break, and reads backslashes as escapes', () => {
    const envelope = bufferEnvelope(message)
    expect(challengeBytes('js-unescaped', envelope)).toEqual(new TextEncoder().encode(envelope))
    expect(challengeBytes('js-unescaped', message)).toBeUndefined()
    expect(challengeBytes('js-unescaped', "it's")).toBeUndefined()
    expect(challengeBytes('js-unescaped', 'a\\tb\\u0041')).toEqual(new TextEncoder().encode('a\tbA'))
  })

  it('the Keychain Mobile model agrees with its bridge string parsed by a JavaScript engine', () => {
    const samples = [message, 'plain', "quote ' here", 'back\\slash', 'cr\rhere', 'ls\u2028ps\u2029', 'tab\tnul\u0000', 'é 例 🙂']
    for (const text of samples) {
      // Keychain Mobile's bridge (src/components/bridge/index.tsx sendMessage): escapes only \ and ', then pastes.
      const quoted = text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")
      let parses = true
      let value: unknown
      try {
        value = new Function(`return ['${quoted}','key']`)()
      } catch {
        parses = false
      }
      const modelled = challengeBytes('keychain-bridge', text)
      expect(modelled !== undefined, JSON.stringify(text)).toBe(parses)
      if (parses) expect((value as string[])[0]).toBe(text)
    }
  })

  it('the HiveAuth app model agrees with its unescaped paste parsed by a JavaScript engine', () => {
    const samples = ['plain', "quote ' here", 'a\\nb', 'a\\x41', 'cr\rhere', 'ls\u2028', 'é 例', bufferEnvelope('x\ny')]
    for (const text of samples) {
      let value: string | undefined
      try {
        value = (new Function(`return ['${text}','key']`)() as string[])[0]
        if ((new Function(`return ['${text}','key']`)() as string[]).length !== 2) value = undefined
      } catch {
        value = undefined
      }
      const modelled = challengeBytes('js-unescaped', text)
      expect(modelled && new TextDecoder().decode(modelled), JSON.stringify(text)).toBe(value)
    }
  })
})

describe('the wire spelling', () => {
  it('sends printable ASCII without quotes or backslashes as it is, and anything else as its envelope', () => {
    expect(wireChallenge('9f7c1e0a-uuid challenge')).toBe('9f7c1e0a-uuid challenge')
    for (const text of ['a\nb', "it's", 'back\\slash', 'é', '\t']) expect(wireChallenge(text)).toBe(bufferEnvelope(text))
    expect(bufferEnvelope('A\né')).toBe('{"type":"Buffer","data":[65,10,195,169]}')
  })

  it('recoverEnvelopeSigner and recoverPublicKey name the same key only for their own form', async () => {
    const { signMessage } = await import('../../src/devkit/keys')
    const text = 'two\nlines'
    const overEnvelope = signMessage(bufferEnvelope(text), alice.keys.posting!)
    expect(recoverEnvelopeSigner(text, overEnvelope)).toBe(alice.publicKeys.posting)
    expect(recoverPublicKey(text, overEnvelope)).not.toBe(alice.publicKeys.posting)
  })
})
