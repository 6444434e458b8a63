'use client'
import type { HasUiLabels } from '../i18n/enUi.js'
import type { WalletLink } from './wallets.js'

/** For someone without a wallet app: what HiveAuth is, the wallets (with where to install them), and three steps. */
export function HelpStep({ labels, wallets, onBack }: { labels: HasUiLabels; wallets: readonly WalletLink[]; onBack(): void }) {
  return (
    <div className="has-step has-step--help">
      <p className="has-result__title">{labels.helpTitle}</p>
      <p className="has-text">{labels.helpAbout}</p>
      <ul className="has-wallets">
        {wallets.map((wallet) => (
          <li key={wallet.url} className="has-wallet">
            <WalletIcon wallet={wallet} />
            <span className="has-wallet__about">
              <span className="has-wallets__name">{wallet.name}</span>
              {wallet.description && <span className="has-text--muted">{wallet.description}</span>}
            </span>
            <span className="has-wallet__links">
              {wallet.stores?.ios && <StoreLink href={wallet.stores.ios} label={labels.appStore} wallet={wallet.name} />}
              {wallet.stores?.android && <StoreLink href={wallet.stores.android} label={labels.googlePlay} wallet={wallet.name} />}
              {!wallet.stores && <StoreLink href={wallet.url} label={labels.website} wallet={wallet.name} />}
            </span>
          </li>
        ))}
      </ul>
      <ol className="has-steps">
        <li>{labels.helpStep1}</li>
        <li>{labels.helpStep2}</li>
        <li>{labels.helpStep3}</li>
      </ol>
      <div className="has-actions">
        <button type="button" className="has-button" onClick={onBack} data-has-autofocus="">
          {labels.back}
        </button>
      </div>
    </div>
  )
}

function StoreLink({ href, label, wallet }: { href: string; label: string; wallet: string }) {
  return (
    <a className="has-button has-wallet__link" href={href} target="_blank" rel="noopener noreferrer" aria-label={`${wallet}: ${label}`}>
      {label}
    </a>
  )
}

function WalletIcon({ wallet }: { wallet: WalletLink }) {
  if (wallet.icon) {
    // biome-ignore lint/performance/noImgElement: a library works in any React app; next/image would tie it to Next.js
    return <img className="has-wallet__icon" src={wallet.icon} alt="" width={40} height={40} />
  }
  return (
    <span className="has-wallet__icon has-wallet__icon--initial" style={{ background: wallet.color }} aria-hidden="true">
      {wallet.name.slice(0, 1)}
    </span>
  )
}
