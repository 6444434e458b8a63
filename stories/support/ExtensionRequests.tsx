import { useEffect, useState } from 'react'
import type { FakeWallet, FakeWalletRequest } from '../../src/devkit/fakeWallet'

const REQUEST_TITLES: Record<FakeWalletRequest['type'], string> = {
  signBuffer: 'Sign a message',
  broadcast: 'Broadcast',
  signTx: 'Sign a transaction (no broadcast)',
  verifyKey: 'Decrypt a memo',
  authorize: 'HiveSigner: authorize the app',
}

/** How often the panel looks at the fake extensions' windows (they announce nothing, like the real ones). */
const POLL_MS = 250

/** The fake browser wallets' open windows, with Approve and Close window (Keychain then answers `user_cancel`; HiveSigner's Reject tells nothing). */
export function ExtensionRequests({ extensions }: { extensions: readonly FakeWallet<string>[] }) {
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), POLL_MS)
    return () => clearInterval(timer)
  }, [])
  const open = extensions.flatMap((extension, index) => extension.pending().map((request) => ({ extension, index, request })))
  return (
    <>
      <h3 className="wallet-panel__subtitle">Wallet windows</h3>
      {open.length === 0 ? (
        <p className="wallet-panel__empty">No window open.</p>
      ) : (
        <ul className="wallet-panel__list">
          {open.map(({ extension, index, request }) => (
            <li key={`${index}-${request.id}`} className="wallet-panel__request">
              <p>
                <strong>{REQUEST_TITLES[request.type]}</strong> for @{request.account} ({request.role})
              </p>
              {request.message && <pre>{request.message}</pre>}
              <div className="wallet-panel__actions">
                <button type="button" className="wallet-panel__button wallet-panel__button--primary" onClick={() => extension.approve(request.id)}>
                  Approve
                </button>
                <button type="button" className="wallet-panel__button" onClick={() => extension.reject(request.id)}>
                  {request.type === 'authorize' ? 'Reject' : 'Close window'}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
