'use client'
import type { ChallengeResult, DecryptResult } from '../../core/actions/challenge'
import type { SignResult } from '../../core/actions/sign'
import type { UseHasChallengeResult } from '../../react/hooks/useHasChallenge'
import type { UseHasSignResult } from '../../react/hooks/useHasSign'
import { useHasClient } from '../../react/hooks/useHasClient'
import { useHasState } from '../../react/hooks/useHasState'
import { Countdown } from '../Countdown/Countdown'
import { Dialog } from '../Dialog/Dialog'
import { ErrorDetails } from '../ErrorDetails/ErrorDetails'
import { format } from '../i18n/en'
import { errorText } from '../i18n/errorText'
import { useUi, type HasUiOptions } from '../theme/HasUiProvider'

/** Props of HasSignPrompt. */
export interface HasSignPromptProps extends HasUiOptions {
  /** The mutation to follow: what `useHasSign()` or `useHasChallenge()` returned. */
  mutation: UseHasSignResult | UseHasChallengeResult
  className?: string
}

/**
 * Shows a sign or challenge request while the wallet has it (what is signed, with which key, the countdown and
 * "Open in wallet"), then its result or error, so signing never happens without visible feedback.
 */
export function HasSignPrompt({ mutation, className, ...ui }: HasSignPromptProps) {
  const { labels, theme } = useUi(ui)
  const client = useHasClient()
  const variables = mutation.variables
  const kind = variables && 'ops' in variables ? 'sign' : 'challenge'
  const requestId = mutation.requestId
  // This mutation's own request, never "the newest of its kind": another prompt's request is not ours to show or cancel.
  const live = useHasState((s) => (requestId === undefined ? undefined : s.requests.find((r) => r.id === requestId)))
  if (mutation.status === 'idle' || !variables) return null

  const close = () => {
    if (live) client?.cancel(live.id)
    mutation.reset()
  }
  const status = live?.status ?? (mutation.isError ? 'failed' : mutation.isSuccess ? 'approved' : 'requesting')
  const title = mutation.isPending
    ? kind === 'sign'
      ? labels.signTitle
      : labels.challengeTitle
    : mutation.isError
      ? mutation.error.code === 'failed' && mutation.error.reason === 'chain'
        ? labels.transactionFailedTitle
        : labels.signFailedTitle
      : kind === 'sign'
        ? labels.signedTitle
        : labels.challengeSignedTitle
  return (
    <Dialog open onClose={close} title={title} theme={theme} status={status} step={status} className={className} closeLabel={labels.close}>
      <div className="has-step">
        <p className="has-text">{format(labels.signKey, { keyType: variables.keyType })}</p>
        {'ops' in variables ? (
          <>
            <p className="has-label">{labels.signOperations}</p>
            <pre className="has-code">{variables.ops.map(([name, payload]) => `${name} ${JSON.stringify(payload, null, 1)}`).join('\n')}</pre>
          </>
        ) : (
          <>
            <p className="has-label">{labels.signMessage}</p>
            <pre className="has-code">{variables.message}</pre>
          </>
        )}
        {mutation.isPending && live?.pending && (
          <>
            <Countdown expire={live.pending.expire} labels={labels} />
            <div className="has-actions">
              <a className="has-button has-button--primary" href={live.pending.deepLink}>
                {labels.openInWallet}
              </a>
              <button type="button" className="has-button has-button--quiet" onClick={close}>
                {labels.cancel}
              </button>
            </div>
          </>
        )}
        {mutation.isSuccess && (
          <div role="status">
            <p className="has-text">{describeResult(mutation.data, labels.signedTxid)}</p>
            <button type="button" className="has-button has-button--primary" onClick={() => mutation.reset()} data-has-autofocus="">
              {labels.done}
            </button>
          </div>
        )}
        {mutation.isError && (
          <div role="alert">
            <p className="has-text">{errorText(mutation.error, labels, variables.account ?? '')}</p>
            <ErrorDetails error={mutation.error} labels={labels} />
            <button type="button" className="has-button" onClick={() => mutation.reset()} data-has-autofocus="">
              {labels.dismiss}
            </button>
          </div>
        )}
      </div>
    </Dialog>
  )
}

function describeResult(data: SignResult | ChallengeResult | DecryptResult, txidLabel: string): string {
  if ('txid' in data && data.txid) return format(txidLabel, { txid: data.txid })
  if ('signature' in data) return data.signature
  if ('text' in data) return data.text
  return JSON.stringify(data)
}
