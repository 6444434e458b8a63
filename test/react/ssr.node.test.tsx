import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { WebSocketConstructor } from '../../src/core/types'
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
})
