import { act, render } from '@testing-library/react'
import { it, vi } from 'vitest'
import { createMemoryStorage } from '../src/core/storage/createMemoryStorage'
import { createMemoryRelay } from '../src/devkit/memory'
import { createWallet } from '../src/devkit/wallet'
import { HasProvider } from '../src/react/HasProvider'
import { useCountdown } from '../src/react/hooks/useCountdown'
import { useHiveAuth } from '../src/react/hooks/useHiveAuth'
import { usePendingRequest } from '../src/react/hooks/usePendingRequest'

// How often do components render while a login waits 60 s for the wallet?
it('render counts during a 60-second wait', async () => {
  // The client's runner and its AES code load on first use: loaded here first, as a page that preconnected has them
  // (under fake timers a module that is still being fetched would never arrive).
  await Promise.all([import('../src/core/client/requestRunner'), import('../src/core/crypto/aes'), import('../src/core/requestBuilders/authAck')])
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
  const devkit = createMemoryRelay({ timeout: 120 })
  const wallet = createWallet({ url: devkit.url, WebSocket: devkit.WebSocket, accounts: ['alice'], decision: 'manual' })
  const renders = { auth: 0, countdown: 0, sibling: 0 }
  const statuses: string[] = []
  let login: (account: string) => void = () => {}

  function AuthConsumer() {
    renders.auth++
    const auth = useHiveAuth()
    login = (account) => void auth.login(account, { onWait: (p) => void wallet.scan(p.deepLink) })
    if (statuses.at(-1) !== auth.status) statuses.push(auth.status)
    return <p>{auth.status}</p>
  }
  function CountdownConsumer() {
    renders.countdown++
    const pending = usePendingRequest()
    return <p>{useCountdown(pending?.expire).secondsLeft}</p>
  }
  function Sibling() {
    renders.sibling++
    return <p>static</p>
  }

  render(
    <HasProvider app={{ name: 'bench' }} devkit={devkit} storage={createMemoryStorage()}>
      <AuthConsumer />
      <CountdownConsumer />
      <Sibling />
    </HasProvider>,
  )
  await act(() => vi.advanceTimersByTimeAsync(10))
  act(() => login('alice'))
  for (let i = 0; i < 100 && statuses.at(-1) !== 'waiting'; i++) await act(() => vi.advanceTimersByTimeAsync(10))
  const before = { ...renders }
  for (let second = 0; second < 60; second++) await act(() => vi.advanceTimersByTimeAsync(1000))
  const during = { auth: renders.auth - before.auth, countdown: renders.countdown - before.countdown, sibling: renders.sibling - before.sibling }
  console.log(`statuses before the wait: ${statuses.join(' → ')}`)
  console.log(
    `renders during 60 s of waiting: countdown consumer ${during.countdown}, useHiveAuth consumer ${during.auth}, sibling ${during.sibling}`,
  )
  console.log('target: countdown ≈ 60 (once a second), useHiveAuth 0 (no status change), sibling 0')
  wallet.close()
  devkit.close()
  vi.useRealTimers()
})
