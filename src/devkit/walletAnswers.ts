import { encryptPayload } from '../core/crypto/aes.js'
import { randomUuid } from '../core/crypto/randomUuid.js'
import type { RequestKind } from '../core/protocol/messages.js'
import { isRecord, readString } from '../core/protocol/parseFrame.js'
import { type DevkitAccount, type DevkitRole, proofKeyOf } from './accounts.js'
import { chainRejection } from './authority.js'
import { signChallengeAs } from './challengeBytes.js'
import { signDigest } from './keys.js'
import { decodeMemo, encodeMemo } from './memo.js'
import type { DevkitChain } from './chain.js'
import { hiveTime } from '../core/hive/transactionHeader.js'
import { HIVE_CHAIN_ID, transactionDigest, transactionId } from '../core/hive/transaction.js'
import type { ProfileTraits } from './profiles.js'
import type { WalletSession } from './walletSessions.js'

/** A request the wallet has received, as a wallet UI shows it. */
export interface WalletRequest {
  kind: RequestKind
  uuid: string
  account: string
  expire: number
  app?: string
  keyType?: string
  ops?: unknown[]
  challenge?: string
}

/** A request with what the wallet needs to answer it. */
export interface Incoming {
  info: WalletRequest
  key: string
  payload: Record<string, unknown>
  /** For a renewal by token (Keychain): the session whose token and expiry the answer repeats. */
  renewing?: WalletSession
}

/** A transaction the simulated wallet put on the (simulated) chain. */
export interface WalletBroadcast {
  txid: string
  account: string
  keyType: 'posting' | 'active'
  ops: unknown[]
  /** Whether the dApp had asked only for a signature (Keychain broadcasts such requests anyway). */
  requestedSignOnly: boolean
}

/** What the answers need from the wallet. */
export interface AnswerContext {
  traits: ProfileTraits
  send(message: Record<string, unknown>): void
  account(name: string): DevkitAccount
  serverKey(): string | undefined
  sessionMs: number
  grant(session: WalletSession): void
  broadcast(tx: WalletBroadcast): void
  /** The devkit chain to broadcast to (it checks the signatures' authority); without one, a simulated txid. */
  chain?: DevkitChain
}

/** Builds the wallet's answers, each as the profile's wallet would send it. */
export function createAnswers(ctx: AnswerContext) {
  const { traits } = ctx

  /** Adds a proof of key: the uuid memo-encrypted to the relay with the account's least privileged key (v1 PKSAs). */
  function withPok(request: Incoming, message: Record<string, unknown>) {
    const server = ctx.serverKey()
    const key = proofKeyOf(ctx.account(request.info.account))
    if (traits.answersWithPok && server && key) message.pok = encodeMemo(key, server, `${traits.pokHashes}${request.info.uuid}`)
    ctx.send(message)
  }

  function refuse(request: Incoming) {
    const { kind, uuid } = request.info
    if (kind === 'sign' && traits.signRefusal === 'error-text')
      return ctx.send({ cmd: 'sign_nack', uuid, error: 'Request was canceled by the user.' })
    withPok(request, { cmd: `${kind}_nack`, uuid, data: encryptPayload(uuid, request.key) })
  }

  function fail(request: Incoming, message: string) {
    const { kind, uuid } = request.info
    const plain = kind === 'auth' && !traits.encryptsAuthError
    withPok(request, { cmd: `${kind}_err`, uuid, error: plain ? message : encryptPayload(message, request.key) })
  }

  function approveAuth(request: Incoming) {
    const { uuid, account } = request.info
    const keys = ctx.account(account).keys
    const renewing = request.renewing
    const ack: Record<string, unknown> = { expire: renewing?.expire ?? Date.now() + ctx.sessionMs }
    const challenge = request.payload.challenge
    if (isRecord(challenge)) {
      const keyType = challenge.key_type as DevkitRole
      const text = readString(challenge.challenge)
      const key = keys[keyType]
      if (!text || !['posting', 'active', 'memo'].includes(keyType)) return fail(request, 'invalid payload (challenge)')
      if (key) {
        const signature = signChallengeAs(traits.challengeBytes, text, key)
        if (!signature) return // the wallet's own code failed on this text: it never answers
        ack.challenge = { pubkey: ctx.account(account).publicKeys[keyType], challenge: signature }
      } else if (traits.missingChallengeKey === 'refuse') return refuse(request)
      else if (traits.missingChallengeKey === 'silent') return
    }
    const session: WalletSession = renewing ?? { account, key: request.key, expire: ack.expire as number, app: request.info.app ?? '' }
    if (!renewing && traits.issuesToken) session.token = randomUuid()
    if (session.token) ack.token = session.token
    if (!renewing) ctx.grant(session)
    withPok(request, { cmd: 'auth_ack', uuid, data: encryptPayload(ack, request.key) })
  }

  function approveSign(request: Incoming) {
    const { uuid, account } = request.info
    const keyType = request.info.keyType
    const ops = request.payload.ops
    if (!Array.isArray(ops) || ops.length === 0 || (keyType !== 'posting' && keyType !== 'active'))
      return fail(request, 'invalid payload (ops or key_type)')
    const broadcast = request.payload.broadcast !== false
    if (!broadcast && traits.signOnly === 'refuse') return fail(request, 'Transaction signing only is not enabled')
    if (!broadcast && traits.signOnly === 'silent') return
    const key = ctx.account(account).keys[keyType]
    if (!key) return chainFailed(request, `Missing ${keyType} key for @${account}`)
    let tx: Record<string, unknown>
    try {
      tx = signedTransaction(ops, key, request.info.expire, ctx.chain)
    } catch (error) {
      return fail(request, error instanceof Error ? error.message : 'invalid operations') // what dhive throws for ops it cannot serialize
    }
    if (!broadcast && traits.signOnly === 'signed-tx') return withPok(request, { cmd: 'sign_ack', uuid, broadcast: false, data: tx })
    let txid: string
    try {
      txid = ctx.chain ? ctx.chain.broadcast(tx) : onSimulatedChain(account, keyType, tx)
    } catch (error) {
      return chainFailed(request, error instanceof Error ? error.message : 'Assert Exception')
    }
    ctx.broadcast({ txid, account, keyType, ops, requestedSignOnly: !broadcast })
    if (!broadcast) return // Keychain: broadcast, then "Transaction signing not implemented" before answering
    const ack: Record<string, unknown> = { cmd: 'sign_ack', uuid, data: txid }
    if (traits.signAckBroadcastField) ack.broadcast = true
    withPok(request, ack)
  }

  /** A broadcast the chain refused, reported the profile's way. */
  function chainFailed(request: Incoming, text: string) {
    if (traits.chainFailure === 'sign-err') return fail(request, text)
    if (traits.chainFailure === 'nack-text') ctx.send({ cmd: 'sign_nack', uuid: request.info.uuid, error: text })
  }

  function approveChallenge(request: Incoming) {
    const { uuid, account } = request.info
    const keyType = request.info.keyType as DevkitRole
    const text = request.info.challenge
    if (!text || !['posting', 'active', 'memo'].includes(keyType)) return fail(request, 'invalid payload (key_type or challenge)')
    const key = ctx.account(account).keys[keyType]
    if (!key) return traits.missingChallengeKey === 'refuse' ? refuse(request) : undefined
    const pubkey = ctx.account(account).publicKeys[keyType]
    let answer: string
    if (request.payload.decrypt === true && traits.honoursDecrypt) {
      try {
        answer = decodeMemo(key, text).message
      } catch {
        return fail(request, 'invalid memo')
      }
    } else {
      const signature = signChallengeAs(traits.challengeBytes, text, key)
      if (!signature) return // the wallet's own code failed on this text: it never answers
      answer = signature
    }
    withPok(request, { cmd: 'challenge_ack', uuid, data: encryptPayload({ pubkey, challenge: answer }, request.key) })
  }

  return {
    refuse,
    fail,
    approve(request: Incoming) {
      if (request.info.kind === 'auth') return approveAuth(request)
      if (request.info.kind === 'sign') return approveSign(request)
      approveChallenge(request)
    },
  }
}

/** Without a devkit chain: the rules a node applies, and the transaction's Hive id (nothing is stored). */
function onSimulatedChain(account: string, keyType: 'posting' | 'active', tx: Record<string, unknown>): string {
  const rejection = chainRejection(account, keyType, tx.operations as unknown[])
  if (rejection) throw new Error(rejection)
  return transactionId(tx)
}

/**
 * A transaction signed as a wallet signs it: over Hive's digest, with the devkit chain's head block as its reference and
 * an expiration 60 s past its time; without a chain, no reference block and the request's expiry.
 */
export function signedTransaction(ops: unknown[], key: Uint8Array, expire: number, chain: DevkitChain | undefined): Record<string, unknown> {
  const header = chain?.transactionHeader() ?? { ref_block_num: 0, ref_block_prefix: 0, expiration: hiveTime(expire) }
  return signGivenTransaction({ ...header, operations: ops, extensions: [] }, key, chain)
}

/** A transaction signed as Keychain's `requestSignTx` signs one: `extensions: []` added, the expiration's milliseconds trimmed. */
export function signGivenTransaction(tx: Record<string, unknown>, key: Uint8Array, chain: DevkitChain | undefined): Record<string, unknown> {
  const { signatures: _, ...rest } = tx
  const unsigned = {
    ...rest,
    expiration: typeof tx.expiration === 'string' ? tx.expiration.slice(0, 19) : tx.expiration,
    extensions: Array.isArray(tx.extensions) ? tx.extensions : [],
  }
  return { ...unsigned, signatures: [signDigest(transactionDigest(unsigned, chain?.chainId ?? HIVE_CHAIN_ID), key)] }
}
