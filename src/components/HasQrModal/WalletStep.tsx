'use client'
import type { HasUiLabels } from '../i18n/enUi.js'
import { format } from '../i18n/format.js'
import type { WalletOption } from './useWalletList.js'
import type { WalletChoices } from './walletChoices.js'

/** The wallets' marks: initials on a colour (no icon loads from elsewhere; most Hive wallets start with an H). */
const MARKS: Record<string, [string, string]> = {
  hiveauth: ['HA', '#1f4fb8'],
  keychain: ['KC', '#e31337'],
  keeper: ['KP', '#357ce6'],
  peakvault: ['PV', '#0f4c81'],
  hivesigner: ['HS', '#3d55d6'],
}

/**
 * The first step when there is a choice: each wallet the user can log in with here, the one used last marked, and a
 * warning when two installed extensions would both answer one request.
 */
export function WalletStep(props: { labels: HasUiLabels; choices: WalletChoices; lastUsed?: string; onPick(id: string): void; onHelp(): void }) {
  const { labels, choices } = props
  const note = (wallet: WalletOption) => {
    if (wallet.id === props.lastUsed) return labels.walletLastUsed
    if (wallet.kind === 'relay') return labels.scanWithPhone
    return wallet.kind === 'injected' ? labels.walletInstalled : undefined
  }
  return (
    <div className="has-step has-step--wallets">
      <p className="has-text has-text--strong" id="has-wallets-title">
        {labels.chooseWallet}
      </p>
      <ul className="has-wallets" aria-labelledby="has-wallets-title">
        {choices.list.map((wallet, index) => (
          <li key={wallet.id}>
            <button
              type="button"
              className="has-wallet has-wallet--choice"
              data-wallet={wallet.id}
              data-has-autofocus={index === 0 ? '' : undefined}
              onClick={() => props.onPick(wallet.id)}
            >
              <span className="has-wallet__icon has-wallet__icon--initial" style={{ background: MARKS[wallet.id]?.[1] }} aria-hidden="true">
                {MARKS[wallet.id]?.[0] ?? wallet.name.slice(0, 1)}
              </span>
              <span className="has-wallet__about">
                <span className="has-wallets__name">{wallet.name}</span>
                {note(wallet) && <span className="has-text--muted">{note(wallet)}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {choices.doubleAnswer && (
        <p className="has-text has-text--muted" role="note">
          {format(labels.twoExtensions, { first: choices.doubleAnswer[0], second: choices.doubleAnswer[1] })}
        </p>
      )}
      <button type="button" className="has-link-button" onClick={props.onHelp}>
        {labels.noWallet}
      </button>
    </div>
  )
}
