import { secp256k1 } from '@noble/curves/secp256k1.js'
import { describe, expect, it } from 'vitest'
import { recoverDigestSigner, recoverEnvelopeSigner, recoverPublicKey, verifySignature } from '../../../src/core/crypto/signatures'
import { verifyChallenge } from '../../../src/core/chain/verifyChallenge'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { cleanAccountName, checkAccountName } from '../../../src/core/protocol/accountName'
import { createDevkitAccount } from '../../../src/devkit/accounts'
import { createChain } from '../../../src/devkit/chain'
import { signMessage } from '../../../src/devkit/keys'

// The signature and account rules a verifier must hold, each pinned (npm run mutation found them unpinned).

const alice = createDevkitAccount('alice')
const message = 'prove it'
const signature = signMessage(message, alice.keys.posting!)
const HALF_ORDER = secp256k1.Point.CURVE().n >> 1n

describe('the one spelling of a signature', () => {
  it.each([
    ['a character before it', `x${signature}`],
    ['a character after it', `${signature}0`],
    ['header 35 (recovery id 4)', `23${signature.slice(2)}`],
    ['header 30 (recovery id −1)', `1e${signature.slice(2)}`],
  ])('refuses %s', (_, spelled) => {
    expect(() => recoverPublicKey(message, spelled)).toThrow(HasInvalidArgumentError)
  })

  it('says why a header is out of range, apart from a key that cannot be recovered', () => {
    expect(() => recoverPublicKey(message, `23${signature.slice(2)}`)).toThrow(/header/)
    let error: unknown
    try {
      recoverPublicKey(message, `22${signature.slice(2)}`) // recovery id 3: allowed, though no key may come of it
    } catch (e) {
      error = e
    }
    if (error) expect((error as Error).message).not.toMatch(/header/)
  })

  it('takes s exactly at half the order (the bound is inclusive)', () => {
    const atHalf = signature.slice(0, 66) + HALF_ORDER.toString(16).padStart(64, '0')
    expect(() => recoverDigestSigner(new Uint8Array(32).fill(7), atHalf)).not.toThrow(/canonical/)
  })

  it('refuses a message that is not a string', () => {
    expect(() => recoverPublicKey(5 as unknown as string, signature)).toThrow(HasInvalidArgumentError)
    expect(() => recoverEnvelopeSigner(5 as unknown as string, signature)).toThrow(HasInvalidArgumentError)
  })

  it('verifySignature is false for a key that does not decode, never an exception', () => {
    expect(verifySignature(message, signature, 'STMnot-a-key')).toBe(false)
    expect(verifySignature(message, signature, alice.publicKeys.posting)).toBe(true)
  })
})

describe('verifyChallenge', () => {
  const chain = createChain({ accounts: ['alice'] })
  const check = (extra: Record<string, unknown>) =>
    verifyChallenge({
      account: 'alice',
      keyType: 'posting',
      message,
      signature,
      nodes: [chain.url],
      fetch: chain.fetch,
      cacheMs: 0,
      ...extra,
    } as Parameters<typeof verifyChallenge>[0])

  it.each([['A'], ['ab'], [7]])('an invalid account name (%j) is invalid_account, and no node is asked', async (account) => {
    let asked = 0
    const counting = ((...args: Parameters<typeof fetch>) => {
      asked++
      return chain.fetch(...args)
    }) as typeof fetch
    await expect(check({ account, fetch: counting })).resolves.toMatchObject({ valid: false, code: 'invalid_account' })
    expect(asked).toBe(0)
  })

  it.each([['owner'], ['Posting'], [undefined]])('an unknown key role (%j) is invalid_account', async (keyType) => {
    await expect(check({ keyType })).resolves.toEqual({ valid: false, code: 'invalid_account', reason: 'unknown key type' })
  })

  it('each of the three roles is checked against its own authority', async () => {
    for (const role of ['posting', 'active', 'memo'] as const) {
      const signed = signMessage(message, alice.keys[role]!)
      await expect(check({ keyType: role, signature: signed })).resolves.toMatchObject({ valid: true })
    }
  })

  it('names the role a key has when it is not the one asked for', async () => {
    const signed = signMessage(message, alice.keys.active!)
    await expect(check({ signature: signed })).resolves.toMatchObject({
      valid: false,
      code: 'key_not_authorized',
      reason: 'the key is an active key of @alice, not a posting key',
    })
  })

  it('a chain with another key prefix verifies with `addressPrefix`', async () => {
    const testnet = createChain({ accounts: ['alice'] })
    testnet.update('alice', (a) => {
      a.posting.key_auths = [[alice.publicKeys.posting.replace(/^STM/, 'TST'), 1]]
    })
    const result = await verifyChallenge({
      account: 'alice',
      keyType: 'posting',
      message,
      signature,
      addressPrefix: 'TST',
      nodes: [testnet.url],
      fetch: testnet.fetch,
      cacheMs: 0,
    } as Parameters<typeof verifyChallenge>[0])
    expect(result).toMatchObject({ valid: true, publicKey: alice.publicKeys.posting.replace(/^STM/, 'TST') })
  })
})

describe('account names as typed', () => {
  it.each([
    ['@ alice', 'alice'],
    ['al@ice', 'al@ice'],
    ['  @Bob ', 'bob'],
  ])('cleanAccountName(%j) is %j', (input, clean) => {
    expect(cleanAccountName(input)).toBe(clean)
  })

  it('16 characters are allowed, 17 are not', () => {
    expect(checkAccountName('abcdefghijklmnop')).toBeUndefined()
    expect(checkAccountName('abcdefghijklmnopq')).toBe('too_long')
  })
})
