import { useEffect, useState } from 'react'
import type { FakeWallet } from '../../src/devkit/fakeWallet'

/** How often the panel looks at the fake extensions' windows (they announce nothing, like the real ones). */
const POLL_MS = 250

/** The fake browser wallets' open windows, with Approve and Close window (Keychain then answers `user_cancel`). */
export function ExtensionRequests({ extensions }: { extensions: readonly FakeWallet<string>[] }) {
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), POLL_MS)
    return () => clearInterval(timer)
  }, [])
  const open = extensions.flatMap((extension, index) => extension.pending().map((request) => ({ extension, index, request })))
  return (
    <>
      <h3 className="wallet-panel__subtitle">Browser extension windows</h3>
      {open.length === 0 ? (
        <p className="wallet-panel__empty">No window open.</p>
      ) : (
        <ul className="wallet-panel__list">
          {open.map(({ extension, index, request }) => (
            <li key={`${index}-${request.id}`} className="wallet-panel__request">
              <p>
                <strong>{request.type === 'signBuffer' ? 'Sign a message' : 'Broadcast'}</strong> for @{request.account} ({request.role})
              </p>
              {request.message && <pre>{request.message}</pre>}
              <div className="wallet-panel__actions">
                <button type="button" className="wallet-panel__button wallet-panel__button--primary" onClick={() => extension.approve(request.id)}>
                  Approve
                </button>
                <button type="button" className="wallet-panel__button" onClick={() => extension.reject(request.id)}>
                  Close window
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
