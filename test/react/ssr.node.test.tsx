import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { WebSocketConstructor } from '../../src/core/types'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { HasInvalidArgumentError } from '../../src/core/errors/HasInvalidArgumentError'
import { formatSessionCookie, readSessionCookie, SESSION_COOKIE } from '../../src/core/session/sessionCookie'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { HasProvider } from '../../src/react/HasProvider'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'

describe('server rendering (Node, no DOM)', () => {
  it('renders the logged-out state without touching window, storage or a WebSocket', () => {
    expect(typeof window).toBe('undefined')
    let sockets = 0
    const Spy = class {
      constructor() {
        sockets++
      }
    } as unknown as WebSocketConstructor
    const storage = {
      getItem: () => {
        throw new Error('storage read on the server')
      },
      setItem: () => {},
      removeItem: () => {},
    }
    const Page = () => <p>{useHiveAuth().status}</p>
    const html = renderToString(
      <HasProvider app={{ name: 'ssr' }} devkit={{ url: 'memory://x', WebSocket: Spy }} storage={storage}>
        <Page />
      </HasProvider>,
    )
    expect(html).toBe('<p>idle</p>')
    expect(sockets).toBe(0)
  })

  it('renders a placeholder for the login button, never "Log in": a returning user sees no flash', () => {
    const html = renderToString(
      <HasProvider app={{ name: 'ssr' }} storage={createMemoryStorage()}>
        <HasLoginButton />
      </HasProvider>,
    )
    expect(html).toContain('has-button--placeholder')
    expect(html).toContain('aria-busy="true"')
    expect(html).not.toContain('<button')
    expect(html).toMatch(/<span aria-hidden="true">Log in with HiveAuth<\/span>/) // sized like the button, hidden from readers
  })

  it('with the session cookie the server renders the account name in the placeholder', () => {
    const cookie = `theme=dark; ${SESSION_COOKIE}=${formatSessionCookie({ account: 'alice', expire: Date.now() + 60_000 })}`
    const account = readSessionCookie(cookie)?.account
    const html = renderToString(
      <HasProvider app={{ name: 'ssr' }} storage={createMemoryStorage()} initialAccount={account}>
        <HasLoginButton />
      </HasProvider>,
    )
    expect(account).toBe('alice')
    expect(html).toMatch(/<span dir="ltr">@(<!-- -->)?alice<\/span>/)
    expect(html).not.toContain('Log in with HiveAuth')
  })

  it('readSessionCookie: a header that is not a string is a typed error; junk inside one is just no cookie', () => {
    for (const header of [42, {}, ['a=b'], true]) {
      expect(() => readSessionCookie(header as unknown as string)).toThrow(HasInvalidArgumentError)
    }
    expect(readSessionCookie(undefined)).toBeUndefined()
    expect(readSessionCookie(`${SESSION_COOKIE}=%7B%22account%22%3A42%7D`)).toBeUndefined()
    expect(readSessionCookie(`${SESSION_COOKIE}=%E0%A4%A`)).toBeUndefined()
  })
})
