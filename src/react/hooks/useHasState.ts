'use client'
import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { HasClientState } from '../../core/types.js'
import { INITIAL_STATE, useHasContext } from '../context.js'

/**
 * Reads a slice of the client state. The component re-renders only when the slice changes under `isEqual`;
 * on the server and during hydration it sees the initial state.
 */
export function useHasState<T>(selector: (state: HasClientState) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const { client } = useHasContext('useHasState')
  // Keyed on the selector too: an inline selector that closes over props must not be answered from the last one's cache.
  const cache = useRef<{ state: HasClientState; selector: (state: HasClientState) => T; value: T } | undefined>(undefined)
  const select = (state: HasClientState): T => {
    const cached = cache.current
    if (cached?.state === state && cached.selector === selector) return cached.value
    const value = selector(state)
    const stable = cached && isEqual(cached.value, value) ? cached.value : value
    cache.current = { state, selector, value: stable }
    return stable
  }
  const subscribe = useCallback((onChange: () => void) => (client ? client.subscribe(onChange) : () => {}), [client])
  return useSyncExternalStore(
    subscribe,
    () => select(client ? client.getState() : INITIAL_STATE),
    () => select(INITIAL_STATE),
  )
}

/** Equality of two flat objects (or arrays) by their entries. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
