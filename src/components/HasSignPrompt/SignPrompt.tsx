'use client'
import { completeLabels } from '../i18n/completeLabels.js'
import type { UseHasChallengeResult } from '../../react/hooks/useHasChallenge.js'
import type { UseHasSignResult } from '../../react/hooks/useHasSign.js'
import { useHasClient } from '../../react/hooks/useHasClient.js'
import { useHasConfig } from '../../react/hooks/useHasConfig.js'
import { useHasState } from '../../react/hooks/useHasState.js'
import { Countdown } from '../Countdown/Countdown.js'
import { Dialog } from '../Dialog/Dialog.js'
import { ErrorDetails } from '../ErrorDetails/ErrorDetails.js'
import type { HasLabels } from '../i18n/en.js'
import { enOperationLabels } from '../i18n/enOperations.js'
import { format } from '../i18n/format.js'
import { errorText } from '../i18n/errorText.js'
import { keyName } from '../i18n/keyName.js'
import { describeOperation } from '../operations/describeOperation.js'
import { operationKeyType } from '../../core/hive/operationAuthority.js'
import { assessOperations, type RiskOptions } from '../../core/hive/operationRisk.js'
import type { HasUiOptions, ResolvedUi } from '../theme/HasUiProvider.js'
import { LateApproval, LateBody, Result } from './SignOutcome.js'
import { RiskWarning } from './RiskWarning.js'
import { useHivePerVests } from './useHivePerVests.js'
import type { ChainOptions } from '../../core/chain/rpc.js'
import '../firstLoadShared.js'

/** Props of HasSignPrompt. */
export interface HasSignPromptProps extends HasUiOptions {
  /** The mutation to follow: what `useHasSign()` or `useHasChallenge()` returned. */
  mutation: UseHasSignResult | UseHasChallengeResult
  className?: string
  /** Where a transaction can be seen, with `{txid}` (default hivehub.dev); `false` shows no link. */
  explorerUrl?: string | false
  /**
   * HIVE per VEST (see `hivePerVestsOf`) for delegations and power downs in HP; by default the chain's, read on first use
   * (two nodes agreeing) when an operation moves VESTS.
   */
  hivePerVests?: number
  /** When a transaction counts as dangerous (large amounts, large power): see `assessOperations`. */
  risk?: Omit<RiskOptions, 'hivePerVests'>
}

const DEFAULT_EXPLORER = 'https://hivehub.dev/tx/{txid}'

/**
 * Shows a sign or challenge request while the wallet has it (what it does in plain words, with which key, the
 * countdown and "Open in wallet"), then its result (labelled, copyable, with an explorer link) or what went wrong,
 * with "Try again" when sending it again is safe.
 */
/** The prompt itself, loaded on first use by HasSignPrompt (which resolves its labels and theme: `ui`). */
export function SignPrompt({
  mutation,
  className,
  explorerUrl = DEFAULT_EXPLORER,
  hivePerVests: givenHivePerVests,
  risk: thresholds,
  ui,
  lateUnseen,
  onLateSeen,
  chain,
}: HasSignPromptProps & { ui: ResolvedUi; lateUnseen: boolean; onLateSeen(): void; chain: ChainOptions | undefined }) {
  const { theme } = ui
  // The operation summaries come with this chunk, in English, unless the app's labels bring them.
  const labels: HasLabels = { ...enOperationLabels, ...completeLabels(ui.labels) }
  const client = useHasClient()
  const variables = mutation.variables
  const requestId = mutation.requestId
  // This mutation's own request, never "the newest of its kind": another prompt's request is not ours to show or cancel.
  const live = useHasState((s) => (requestId === undefined ? undefined : s.requests.find((r) => r.id === requestId)))
  const { connectors } = useHasConfig()
  // A request in a browser wallet: no link to open, its own window (an extension's) or its API (HiveSigner's) has it.
  const wallet = live?.pending?.connector === undefined ? undefined : connectors.find((c) => c.id === live.pending?.connector)
  const hivePerVests = useHivePerVests(givenHivePerVests, variables && 'ops' in variables ? variables.ops : [], chain)
  const late = lateUnseen ? mutation.lateResult : undefined
  // Dismissed before the wallet approved it anyway: the approval alone, without the request (the mutation was reset).
  if (late && (mutation.status === 'idle' || !variables))
    return <LateApproval data={late} labels={labels} ui={ui} explorerUrl={explorerUrl} onDone={onLateSeen} />
  if (mutation.status === 'idle' || !variables) return null

  const kind = 'ops' in variables ? 'sign' : 'challenge'
  const ops = 'ops' in variables ? variables.ops : []
  const risk = assessOperations(ops, { ...thresholds, hivePerVests })
  // The key a person is told about is the strongest one the operations need (an owner-key change says owner).
  const keyType = ops.some((op) => operationKeyType(op) === 'owner') ? 'owner' : variables.keyType
  const close = () => {
    // Once the wallet may have it, a cancel is an outcome to read (it may still sign there): the prompt stays to say so.
    const sent = live && live.status !== 'idle' && live.status !== 'connecting'
    if (mutation.isPending && live) client?.cancel(live.id)
    if (mutation.isPending && sent) return
    if (late) onLateSeen()
    mutation.reset()
  }
  const retry = () => (mutation.mutate as (v: typeof variables) => void)(variables)
  const ended = mutation.isError ? outcomeOf(mutation.error.code) : undefined
  const status = late ? 'approved' : (live?.status ?? ended ?? (mutation.isSuccess ? 'approved' : 'requesting'))
  // A refusal or a cancel is an outcome, said neutrally; only a failure is an alert.
  const neutral = ended === 'rejected' || ended === 'cancelled'
  const failedOnChain = mutation.isError && mutation.error.code === 'failed' && mutation.error.reason === 'chain'
  const cancelledButSent = mutation.isError && mutation.error.code === 'cancelled' && mutation.error.walletMaySign
  const title = late
    ? labels.lateApprovedTitle
    : mutation.isPending
      ? kind === 'sign'
        ? labels.signTitle
        : labels.challengeTitle
      : ended === 'rejected'
        ? labels.rejectedTitle
        : ended === 'cancelled'
          ? labels.cancelledTitle
          : mutation.isError
            ? failedOnChain
              ? labels.transactionFailedTitle
              : labels.signFailedTitle
            : kind === 'sign'
              ? labels.signedTitle
              : labels.challengeSignedTitle
  return (
    <Dialog
      open
      onClose={close}
      title={title}
      theme={theme}
      dir={labels.dir}
      status={status}
      step={status}
      className={className}
      closeLabel={labels.close}
    >
      <div className="has-step">
        <p className="has-text">{format(labels.signKey, { keyType: keyName(keyType, labels) })}</p>
        {mutation.isPending && <RiskWarning risk={risk} labels={labels} hivePerVests={hivePerVests} />}
        {'ops' in variables ? (
          <>
            <ul className="has-ops" data-risk={risk.level}>
              {variables.ops.map((op, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: operations have no identity of their own; their order is fixed
                <li key={i}>
                  {describeOperation(op, labels, { hivePerVests })}
                  <StrongKeyMark role={operationKeyType(op)} labels={labels} />
                </li>
              ))}
            </ul>
            <details className="has-details">
              <summary>{labels.rawOperations}</summary>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to be read */}
              <pre className="has-code" tabIndex={0} dir="ltr">
                {JSON.stringify(variables.ops, null, 1)}
              </pre>
            </details>
          </>
        ) : (
          <>
            <p className="has-label">{labels.signMessage}</p>
            <pre className="has-code">{variables.message}</pre>
          </>
        )}
        {mutation.isPending && live?.pending && (
          <>
            {wallet?.kind === 'injected' && (
              <>
                <p className="has-text has-text--strong">{format(labels.approveIn, { wallet: wallet.name })}</p>
                <p className="has-text">{format(labels.walletWindowHint, { wallet: wallet.name })}</p>
              </>
            )}
            <Countdown expire={live.pending.expire} labels={labels} />
            <div className="has-actions">
              {live.pending.deepLink && (
                <a className="has-button has-button--primary" href={live.pending.deepLink}>
                  {labels.openInWallet}
                </a>
              )}
              <button type="button" className="has-button has-button--quiet" onClick={close}>
                {labels.cancel}
              </button>
            </div>
          </>
        )}
        {mutation.isSuccess && (
          <div role="status" className="has-stack">
            <Result data={mutation.data} labels={labels} explorerUrl={explorerUrl} />
            <button type="button" className="has-button has-button--primary" onClick={() => mutation.reset()} data-has-autofocus="">
              {labels.done}
            </button>
          </div>
        )}
        {late && <LateBody data={late} labels={labels} explorerUrl={explorerUrl} onDone={close} />}
        {mutation.isError && !late && (
          <div role={neutral ? 'status' : 'alert'} className="has-stack">
            <p className="has-text">{cancelledButSent ? labels.cancelledSignBody : errorText(mutation.error, labels, variables.account ?? '')}</p>
            <ErrorDetails error={mutation.error} labels={labels} />
            <div className="has-actions">
              {/* Sent again, a transaction the chain refused fails the same way: then Dismiss leads, Try again follows. A
                  cancel the wallet may still approve offers no Try again: both could be signed. */}
              {mutation.error.retryable && !failedOnChain && !cancelledButSent && (
                <button type="button" className="has-button has-button--primary" onClick={retry} data-has-autofocus="">
                  {labels.tryAgain}
                </button>
              )}
              <button
                type="button"
                className={`has-button${mutation.error.retryable && !failedOnChain && !cancelledButSent ? '' : ' has-button--primary'}`}
                onClick={() => mutation.reset()}
                data-has-autofocus={mutation.error.retryable && !failedOnChain && !cancelledButSent ? undefined : ''}
              >
                {labels.dismiss}
              </button>
              {mutation.error.retryable && failedOnChain && !cancelledButSent && (
                <button type="button" className="has-button" onClick={retry}>
                  {labels.tryAgain}
                </button>
              )}
            </div>
          </div>
        )}
      </div>
    </Dialog>
  )
}

/** The request status an error stands for (the core records the same). */
function outcomeOf(code: string): 'rejected' | 'cancelled' | 'expired' | 'failed' {
  return code === 'rejected' || code === 'cancelled' || code === 'expired' ? code : 'failed'
}

/** Says, next to an operation, that it needs the active (or owner) key: the posting key is the everyday one. */
function StrongKeyMark({ role, labels }: { role: string | undefined; labels: HasLabels }) {
  if (role !== 'active' && role !== 'owner') return null
  return <span className="has-op-key">{format(labels.opNeedsKey, { keyType: keyName(role, labels) })}</span>
}
