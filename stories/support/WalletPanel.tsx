import { useEffect, useState, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { WALLET_PROFILES, type WalletProfile } from '../../src/devkit/profiles'
import type { WalletRequest } from '../../src/devkit/wallet'
import { useHasClient } from '../../src/react/hooks/useHasClient'
import { useHasState } from '../../src/react/hooks/useHasState'
import { ExtensionRequests } from './ExtensionRequests'
import type { Playground } from './playground'

/** Wide enough for the panel beside the modal (story.css uses the same width). */
const WIDE = '(min-width: 900px)'

const PROFILE_NAMES: Record<WalletProfile, string> = {
  'docs-v1': 'As documented (v1)',
  keychain: 'Hive Keychain Mobile',
  'hiveauth-mobile': 'HiveAuth mobile app',
  'pksa-service': 'Service-mode PKSA',
}

/**
 * The simulated wallet beside a story: scans the login code, lists incoming requests with Approve and Reject, and
 * switches the wallet profile. A modal `<dialog>` makes the rest of the page inert, so while one is open the panel
 * is rendered inside it (position: fixed keeps it in the same place). On wide screens it sits beside the modal (which
 * story.css moves aside); on narrow ones it folds into a bar at the bottom, so it never covers the modal.
 */
export function WalletPanel({ playground }: { playground: Playground }) {
  useSyncExternalStore(playground.subscribe, playground.version, playground.version)
  const wallet = playground.wallet()
  const client = useHasClient()
  const authLink = useHasState((s) => s.requests.find((r) => r.kind === 'auth' && r.pending)?.pending?.deepLink)
  const [scanned, setScanned] = useState<string>()
  const [scanError, setScanError] = useState<string>()
  const host = useOpenDialog()
  const [expanded, setExpanded] = useState(() => typeof window === 'undefined' || window.matchMedia(WIDE).matches)

  const scan = (link: string) => {
    setScanned(link)
    setScanError(undefined)
    wallet.scan(link).catch((error: Error) => setScanError(error.message))
  }
  const switchProfile = (profile: WalletProfile) => {
    client?.logout() // the new wallet holds none of the old one's sessions
    playground.setProfile(profile)
  }
  const requests = wallet.pending()
  const panel = (
    <aside
      className="wallet-panel"
      aria-label="Simulated wallet"
      data-expanded={expanded ? '' : undefined}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <h2 className="wallet-panel__title">
        <button type="button" className="wallet-panel__toggle" aria-expanded={expanded} onClick={() => setExpanded((value) => !value)}>
          Simulated wallet
          {requests.length > 0 && <span className="wallet-panel__badge">{requests.length}</span>}
        </button>
      </h2>
      <div className="wallet-panel__body" hidden={!expanded}>
        <p className="wallet-panel__note">In-page devkit: relay and wallet run in this tab. Nothing leaves it.</p>
        <label className="wallet-panel__field">
          Wallet profile
          <select value={playground.profile()} onChange={(event) => switchProfile(event.target.value as WalletProfile)}>
            {WALLET_PROFILES.map((profile) => (
              <option key={profile} value={profile}>
                {PROFILE_NAMES[profile]}
              </option>
            ))}
          </select>
        </label>
        {authLink && authLink !== scanned && (
          <button type="button" className="wallet-panel__button wallet-panel__button--primary" onClick={() => scan(authLink)}>
            Scan the login code
          </button>
        )}
        {scanError && (
          <p role="alert" className="wallet-panel__error">
            {scanError}
          </p>
        )}
        <h3 className="wallet-panel__subtitle">Requests</h3>
        {requests.length === 0 ? (
          <p className="wallet-panel__empty">No request waiting.</p>
        ) : (
          <ul className="wallet-panel__list">
            {requests.map((request) => (
              <li key={request.uuid} className="wallet-panel__request" aria-label={`${describe(request)} for @${request.account}`}>
                <p>
                  <strong>{describe(request)}</strong> for @{request.account}
                  {request.app && <> from {request.app}</>}
                </p>
                {request.ops && <pre>{JSON.stringify(request.ops, null, 1)}</pre>}
                {request.challenge && <pre>{request.challenge}</pre>}
                <div className="wallet-panel__actions">
                  <button type="button" className="wallet-panel__button wallet-panel__button--primary" onClick={() => wallet.approve(request.uuid)}>
                    Approve
                  </button>
                  <button type="button" className="wallet-panel__button" onClick={() => wallet.reject(request.uuid)}>
                    Reject
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {playground.extensions.length > 0 && <ExtensionRequests extensions={playground.extensions} />}
        <h3 className="wallet-panel__subtitle">Sessions granted</h3>
        <ul className="wallet-panel__list">
          {wallet.sessions().map((session) => (
            <li key={session.key}>
              @{session.account} until {new Date(session.expire).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}
            </li>
          ))}
        </ul>
      </div>
    </aside>
  )
  return host ? createPortal(panel, host) : panel
}

function describe(request: WalletRequest): string {
  if (request.kind === 'auth') return 'Login'
  if (request.kind === 'sign') return `Sign with the ${request.keyType ?? ''} key`
  return `Sign a message with the ${request.keyType ?? ''} key`
}

/** The topmost open modal dialog of the page, followed as dialogs open and close. */
function useOpenDialog(): HTMLDialogElement | null {
  const [dialog, setDialog] = useState<HTMLDialogElement | null>(null)
  useEffect(() => {
    const find = () => {
      const open = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')].filter((d) => d.matches(':modal'))
      setDialog(open.at(-1) ?? null)
    }
    find()
    const observer = new MutationObserver(find)
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] })
    return () => observer.disconnect()
  }, [])
  return dialog
}
