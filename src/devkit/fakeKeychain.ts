import { decodeMemo } from './memo.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { accountFromSpec, type DevkitAccount, type DevkitAccountSpec, type DevkitRole } from './accounts.js'
import type { DevkitChain } from './chain.js'
import { challengeBytes } from './challengeBytes.js'
import { signDigest } from './keys.js'
import type { FakeWallet, FakeWalletRequest } from './fakeWallet.js'
import { signedTransaction, signGivenTransaction } from './walletAnswers.js'

/** What the simulated user does with each request: approve it, close the window, leave it open, or decide later. */
export type FakeKeychainDecision = 'approve' | 'cancel' | 'ignore' | 'manual'

/** Options of installFakeKeychain. */
export interface FakeKeychainOptions {
  /** The accounts whose keys it holds (a role an account `lacks` is missing, as in the HAS wallet simulator). */
  accounts: readonly DevkitAccountSpec[]
  /** Where its broadcasts land (checked as hived checks them); without one, a broadcast fails. */
  chain?: DevkitChain
  /** Default 'approve'. */
  decision?: FakeKeychainDecision
  /** Keychain Mobile's in-app browser: sets `window.ReactNativeWebView`, and its bridge never answers a line break. */
  mobile?: boolean
  /**
   * Hive Keeper instead of Keychain: the same API under `window.hive` (`isKeeper`), registered in
   * `window.hive.providers` as `com.ecency.keeper`, and as `window.hive_keychain` only where that is free.
   */
  keeper?: boolean
  /** Injects the API this long after install, as an extension injects after the page's scripts (ms; default 0: now). */
  injectAfterMs?: number
  /** A worker that sleeps: the handshake never calls back, nor does anything else. */
  asleep?: boolean
  /** Where to install (default `globalThis`: the page's window). */
  target?: Record<string, unknown>
}

/** A request the fake shows, as Keychain's window would. */
export type FakeKeychainRequest = FakeWalletRequest

/** The fake's controls, for a test or a story (`reject` closes the window: Keychain answers `user_cancel`). */
export type FakeKeychain = FakeWallet<FakeKeychainDecision>

const ROLE: Record<string, DevkitRole> = { Posting: 'posting', Active: 'active', Memo: 'memo' }
const CANCELLED = 'Request was canceled by the user.'

/**
 * Installs a Hive Keychain that answers as the extension does (`window.hive_keychain`: handshake, requestSignBuffer,
 * requestBroadcast), written from the extension's behaviour (docs/wallets.md): one request at a time per page (a newer
 * one answers the older `ignored`), `user_cancel` for a closed window and for an account or key it does not hold, a
 * top-level Buffer-JSON message signed over its bytes, broadcasts onto the devkit chain. `mobile` plays Keychain
 * Mobile's browser. For dApps' tests and stories: no extension needed.
 */
export function installFakeKeychain(options: FakeKeychainOptions): FakeKeychain {
  const target = options.target ?? (globalThis as unknown as Record<string, unknown>)
  const accounts = options.accounts.map(accountFromSpec)
  let decision = options.decision ?? 'approve'
  let nextId = 1
  const requests: FakeKeychainRequest[] = []
  /** Requests waiting for the user: approve, close (user_cancel), or be replaced by a newer one (ignored). */
  const waiting = new Map<number, { request: FakeKeychainRequest; approve(): void; close(error: 'user_cancel' | 'ignored'): void }>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const later = (fn: () => void, ms = 0) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      fn()
    }, ms)
    timers.add(timer)
  }

  function respond(request: FakeKeychainRequest, callback: (answer: unknown) => void, result: unknown, publicKey?: string) {
    const base = { data: { ...request }, request_id: request.id }
    if (result === undefined) return callback({ ...base, success: false, error: 'user_cancel', result: null, message: CANCELLED })
    callback({ ...base, success: true, error: null, result, message: 'Done.', ...(publicKey ? { publicKey } : {}) })
  }

  /** Shows a request: a newer one makes Keychain answer the older `ignored`; then the user decides. */
  function show(request: FakeKeychainRequest, callback: (answer: unknown) => void, approve: () => void) {
    requests.push(request)
    for (const older of waiting.values()) older.close('ignored')
    waiting.clear()
    if (options.asleep || decision === 'ignore') return
    if (decision === 'cancel') return later(() => respond(request, callback, undefined))
    if (decision === 'approve') return later(approve)
    waiting.set(request.id, {
      request,
      approve,
      close(error) {
        if (error === 'user_cancel') return respond(request, callback, undefined)
        callback({
          data: { ...request },
          request_id: request.id,
          success: false,
          error: 'ignored',
          result: null,
          message: 'User ignored this transaction',
        })
      },
    })
  }

  const accountOf = (name: string): DevkitAccount | undefined => accounts.find((a) => a.name === name)

  const api = {
    requestHandshake(callback: () => void) {
      if (!options.asleep) later(() => callback())
    },
    requestSignBuffer(account: string, message: string, method: string, callback: (answer: unknown) => void) {
      const request: FakeKeychainRequest = { id: nextId++, type: 'signBuffer', account, role: method, message }
      const role = ROLE[method]
      const key = role && accountOf(account)?.keys[role]
      show(request, callback, () => {
        // No such account or key: Keychain shows its error and, once closed, says the user cancelled.
        if (!role || !key) return respond(request, callback, undefined)
        const bytes = options.mobile ? challengeBytes('keychain-bridge', message) : extensionBytes(message)
        if (!bytes) return // Keychain Mobile's bridge could not parse the source it built: no answer, ever
        respond(request, callback, signDigest(sha256(bytes), key), accountOf(account)!.publicKeys[role])
      })
    },
    requestVerifyKey(account: string, message: string, method: string, callback: (answer: unknown) => void) {
      const request: FakeKeychainRequest = { id: nextId++, type: 'verifyKey', account, role: method, message }
      // Keychain refuses a memo without its leading "#" before showing anything (input-validation.ts).
      if (typeof message !== 'string' || !message.startsWith('#')) {
        return later(() =>
          callback({
            data: request,
            request_id: request.id,
            success: false,
            error: 'incomplete',
            result: null,
            message: 'Incomplete data or wrong format',
          }),
        )
      }
      const role = ROLE[method]
      const key = role && accountOf(account)?.keys[role]
      show(request, callback, () => {
        if (!role || !key) return respond(request, callback, undefined)
        try {
          respond(request, callback, decodeMemo(key, message).message)
        } catch {
          callback({ data: request, request_id: request.id, success: false, error: 'decode', result: null, message: 'Could not decode the memo.' })
        }
      })
    },
    requestSignTx(account: string, tx: Record<string, unknown>, method: string, callback: (answer: unknown) => void) {
      const request: FakeKeychainRequest = { id: nextId++, type: 'signTx', account, role: method, operations: tx.operations as unknown[] }
      const role = ROLE[method]
      const key = role && role !== 'memo' ? accountOf(account)?.keys[role] : undefined
      show(request, callback, () => respond(request, callback, key ? signGivenTransaction(tx, key, options.chain) : undefined))
    },
    requestBroadcast(account: string, operations: unknown[], method: string, callback: (answer: unknown) => void) {
      const request: FakeKeychainRequest = { id: nextId++, type: 'broadcast', account, role: method, operations }
      const role = ROLE[method]
      const key = role && role !== 'memo' ? accountOf(account)?.keys[role] : undefined
      show(request, callback, () => {
        if (!key) return respond(request, callback, undefined)
        try {
          if (!options.chain) throw new Error('no chain to broadcast to')
          const txid = options.chain.broadcast(signedTransaction(operations, key, Date.now() + 60_000, options.chain))
          respond(request, callback, { id: txid, tx_id: txid, confirmed: false })
        } catch (error) {
          const message = error instanceof Error ? error.message : 'broadcast failed'
          callback({
            data: request,
            request_id: request.id,
            success: false,
            error: { message },
            result: null,
            message: `There was an error broadcasting: ${message}`,
          })
        }
      })
    },
  }

  const install = () => {
    if (options.keeper) {
      const hive = Object.assign(api, { isKeeper: true, providers: [] as unknown[] })
      const shared = (target.hive as { providers?: unknown[] } | undefined) ?? hive
      if (!target.hive) target.hive = hive
      shared.providers ??= []
      shared.providers.push({ name: 'Hive Keeper', rdns: 'com.ecency.keeper', provider: api })
      if (target.hive_keychain === undefined) target.hive_keychain = api
    } else target.hive_keychain = api
    if (options.mobile) target.ReactNativeWebView = { postMessage() {} }
  }
  if (options.injectAfterMs) later(install, options.injectAfterMs)
  else install()

  return {
    pending: () => [...waiting.values()].map((w) => w.request),
    approve(id) {
      const entry = waiting.get(id)
      waiting.delete(id)
      entry?.approve()
    },
    reject(id) {
      const entry = waiting.get(id)
      waiting.delete(id)
      entry?.close('user_cancel')
    },
    setDecision(next) {
      decision = next
    },
    requests,
    uninstall() {
      for (const timer of timers) clearTimeout(timer)
      if (target.hive_keychain === api) delete target.hive_keychain
      if (target.hive === api) delete target.hive
      else {
        const providers = (target.hive as { providers?: { provider: unknown }[] } | undefined)?.providers
        providers?.splice(0, providers.length, ...providers.filter((p) => p.provider !== api))
      }
      if (options.mobile) delete target.ReactNativeWebView
    },
  }
}

/** What the extension signs: a top-level Buffer-JSON message's bytes, else the message's UTF-8 (ops/sign-buffer.ts). */
function extensionBytes(message: string): Uint8Array {
  return challengeBytes('keychain-bridge', message) ?? new TextEncoder().encode(message)
}
