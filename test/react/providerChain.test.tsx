// @vitest-environment jsdom
import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { useHasContext } from '../../src/react/context'
import { HasProvider, type HasProviderProps } from '../../src/react/HasProvider'

// Which nodes the modal may ask whether an account exists: the app's, else the public ones; none for a devkit (in
// memory or a relay on this machine) without a node of its own, whose accounts the public chain does not hold.

const chainOf = (props: Partial<HasProviderProps>) =>
  renderHook(() => useHasContext('test').chain, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <HasProvider app={{ name: 'Chain' }} storage={createMemoryStorage()} {...props}>
        {children}
      </HasProvider>
    ),
  }).result.current

describe('the nodes the modal asks', () => {
  it('the app’s, when it names them', () => {
    const chain = { nodes: ['https://node.example'] }
    expect(chainOf({ chain })).toBe(chain)
  })

  it('the public ones (the defaults) for public relays', () => {
    expect(chainOf({ hosts: ['wss://relay.example'] })).toEqual({})
  })

  it.each(['ws://127.0.0.1:8090', 'ws://localhost:8090', 'ws://[::1]:8090'])('none for a relay on this machine (%s)', (host) => {
    expect(chainOf({ hosts: [host] })).toBeUndefined()
  })
})
