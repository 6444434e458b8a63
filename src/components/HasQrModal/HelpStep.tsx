'use client'
import type { HasUiLabels } from '../i18n/enUi.js'
import type { WalletLink } from './wallets.js'

/** For someone without a wallet app: what HiveAuth is, in two lines, and where to get a wallet. */
export function HelpStep({ labels, wallets, onBack }: { labels: HasUiLabels; wallets: readonly WalletLink[]; onBack(): void }) {
  return (
    <div className="has-step has-step--help">
      <p className="has-result__title">{labels.helpTitle}</p>
      <p className="has-text">{labels.helpAbout}</p>
      <p className="has-text">{labels.helpHow}</p>
      <ul className="has-wallets">
        {wallets.map((wallet) => (
          <li key={wallet.url}>
            <a className="has-wallets__link" href={wallet.url} target="_blank" rel="noopener noreferrer">
              <span className="has-wallets__name">{wallet.name}</span>
              {wallet.description && <span className="has-text--muted">{wallet.description}</span>}
            </a>
          </li>
        ))}
      </ul>
      <div className="has-actions">
        <button type="button" className="has-button" onClick={onBack} data-has-autofocus="">
          {labels.back}
        </button>
      </div>
    </div>
  )
}
