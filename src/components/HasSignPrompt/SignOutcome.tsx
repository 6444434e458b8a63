import type { ChallengeResult, DecryptResult } from '../../core/actions/challenge.js'
import type { SignResult } from '../../core/actions/sign.js'
import { Dialog } from '../Dialog/Dialog.js'
import type { HasLabels } from '../i18n/en.js'
import type { ResolvedUi } from '../theme/HasUiProvider.js'
import { CopyValue } from './CopyValue.js'

// The sign prompt's outcomes: what was signed (a txid, a signature, a decrypted text), and an approval that came from
// the wallet after a cancel here.

export function Result({
  data,
  labels,
  explorerUrl,
}: {
  data: SignResult | ChallengeResult | DecryptResult
  labels: HasLabels
  explorerUrl: string | false
}) {
  if ('txid' in data && data.txid) {
    const href = explorerUrl ? explorerUrl.replace('{txid}', encodeURIComponent(data.txid)) : undefined
    return <CopyValue label={labels.transactionId} value={data.txid} labels={labels} href={href} hrefLabel={labels.viewOnExplorer} />
  }
  if ('signature' in data) return <CopyValue label={labels.signature} value={data.signature} labels={labels} />
  if ('text' in data) return <CopyValue label={labels.decryptedText} value={data.text} labels={labels} />
  return <CopyValue label={labels.signature} value={JSON.stringify(data)} labels={labels} />
}

/** What a late approval means, its result and Done (which closes the prompt for good). */
export function LateBody({
  data,
  labels,
  explorerUrl,
  onDone,
}: {
  data: SignResult | ChallengeResult | DecryptResult
  labels: HasLabels
  explorerUrl: string | false
  onDone(): void
}) {
  return (
    <div role="alert" className="has-stack">
      <p className="has-text">{labels.lateApprovedBody}</p>
      <Result data={data} labels={labels} explorerUrl={explorerUrl} />
      <button type="button" className="has-button has-button--primary" onClick={onDone} data-has-autofocus="">
        {labels.done}
      </button>
    </div>
  )
}

/** The prompt reopened for a late approval after it was dismissed: what happened, and its result. */
export function LateApproval({
  data,
  labels,
  ui,
  explorerUrl,
  onDone,
}: {
  data: SignResult | ChallengeResult | DecryptResult
  labels: HasLabels
  ui: ResolvedUi
  explorerUrl: string | false
  onDone(): void
}) {
  return (
    <Dialog
      open
      onClose={onDone}
      title={labels.lateApprovedTitle}
      theme={ui.theme}
      dir={labels.dir}
      status="approved"
      step="late"
      closeLabel={labels.close}
    >
      <div className="has-step">
        <LateBody data={data} labels={labels} explorerUrl={explorerUrl} onDone={onDone} />
      </div>
    </Dialog>
  )
}
