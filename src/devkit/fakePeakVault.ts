import { decodeMemo } from './memo.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { accountFromSpec, type DevkitAccountSpec, type DevkitRole } from './accounts.js'
import type { DevkitChain } from './chain.js'
import { signDigest } from './keys.js'
import type { FakeWallet, FakeWalletRequest } from './fakeWallet.js'
import { signedTransaction, signGivenTransaction } from './walletAnswers.js'

/** What the simulated user does in Peak Vault: approve, reject, leave it open, or decide later (`approve`/`reject`). */
export type FakePeakVaultDecision = 'approve' | 'reject' | 'ignore' | 'manual'

/** Options of installFakePeakVault. */
export interface FakePeakVaultOptions {
  /** The accounts whose keys it holds (a role an account `lacks` is missing). */
  accounts: readonly DevkitAccountSpec[]
  /** Where its broadcasts land; without one, a broadcast fails. */
  chain?: DevkitChain
  /** Default 'approve'. */
  decision?: FakePeakVaultDecision
  /** Where to install (default `globalThis`: the page's window). */
  target?: Record<string, unknown>
}

/** A request Peak Vault shows. */
export type FakePeakVaultRequest = FakeWalletRequest

/** The fake's controls (`reject` refuses as the user would in Peak Vault). */
export type FakePeakVault = FakeWallet<FakePeakVaultDecision>

const ROLES: readonly DevkitRole[] = ['posting', 'active', 'memo']

/**
 * Installs a Peak Vault with the promise API its consumers call (`window.peakvault`, and `com.peakd.vault` in
 * `window.hive.providers`): answers resolve `{ success, account, result, publicKey }`, refusals reject `{ success:
 * false, account, error, message }`. Peak Vault is closed source: these are its consumers' shapes, and the signing
 * (sha256 of the message's UTF-8, as Keychain) and the error words are assumptions, not observed behaviour.
 */
export function installFakePeakVault(options: FakePeakVaultOptions): FakePeakVault {
  const target = options.target ?? (globalThis as unknown as Record<string, unknown>)
  const accounts = options.accounts.map(accountFromSpec)
  let decision = options.decision ?? 'approve'
  let nextId = 1
  const requests: FakePeakVaultRequest[] = []
  const waiting = new Map<number, { request: FakePeakVaultRequest; approve(): void; reject(): void }>()

  function show(request: FakePeakVaultRequest, work: () => unknown): Promise<unknown> {
    requests.push(request)
    return new Promise((resolve, reject) => {
      const refuse = (error: string, message: string) => reject({ success: false, account: request.account, error, message })
      const approve = () => {
        try {
          resolve(work())
        } catch (problem) {
          refuse('error', problem instanceof Error ? problem.message : 'failed')
        }
      }
      const entry = { request, approve, reject: () => refuse('user_rejected', 'The request was rejected by the user.') }
      if (decision === 'ignore') return
      if (decision === 'approve') return void queueMicrotask(approve)
      if (decision === 'reject') return void queueMicrotask(entry.reject)
      waiting.set(request.id, entry)
    })
  }

  const keyOf = (account: string, role: string) => {
    const holder = accounts.find((a) => a.name === account)
    const known = ROLES.find((r) => r === role)
    if (!holder || !known || !holder.keys[known]) throw new Error(`@${account}'s ${role} key is not in Peak Vault`)
    return { key: holder.keys[known]!, publicKey: holder.publicKeys[known]! }
  }

  const api = {
    isVault: true,
    requestSignBuffer(account: string, keyRole: string, message: string) {
      return show({ id: nextId++, type: 'signBuffer', account, role: keyRole, message }, () => {
        const { key, publicKey } = keyOf(account, keyRole)
        return { success: true, account, result: signDigest(sha256(new TextEncoder().encode(message)), key), publicKey }
      })
    },
    requestDecode(account: string, message: string, keyRole: string) {
      return show({ id: nextId++, type: 'verifyKey', account, role: keyRole, message }, () => {
        const { key } = keyOf(account, keyRole)
        return { success: true, account, result: decodeMemo(key, message).message }
      })
    },
    requestSignTx(account: string, tx: Record<string, unknown>, keyRole: string) {
      return show({ id: nextId++, type: 'signTx', account, role: keyRole, operations: tx.operations as unknown[] }, () => {
        const { key } = keyOf(account, keyRole)
        return { success: true, account, result: signGivenTransaction(tx, key, options.chain) }
      })
    },
    requestBroadcast(account: string, operations: unknown[], keyRole: string) {
      return show({ id: nextId++, type: 'broadcast', account, role: keyRole, operations }, () => {
        const { key } = keyOf(account, keyRole)
        if (!options.chain) throw new Error('no chain to broadcast to')
        const txid = options.chain.broadcast(signedTransaction(operations, key, Date.now() + 60_000, options.chain))
        return { success: true, account, result: { status: 'ok', tx_id: txid } }
      })
    },
  }
  target.peakvault = api
  const hive = (target.hive as { providers?: unknown[] } | undefined) ?? {}
  if (!target.hive) target.hive = hive
  hive.providers ??= []
  hive.providers.push({ name: 'Peak Vault', rdns: 'com.peakd.vault', provider: api })

  return {
    pending: () => [...waiting.values()].map((w) => w.request),
    approve(id) {
      waiting.get(id)?.approve()
      waiting.delete(id)
    },
    reject(id) {
      waiting.get(id)?.reject()
      waiting.delete(id)
    },
    setDecision(next) {
      decision = next
    },
    requests,
    uninstall() {
      if (target.peakvault === api) delete target.peakvault
      const providers = (target.hive as { providers?: { provider: unknown }[] } | undefined)?.providers
      providers?.splice(0, providers.length, ...providers.filter((p) => p.provider !== api))
      if (target.hive === hive && providers?.length === 0) delete target.hive
    },
  }
}
