'use client'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { useHasContext } from '../context.js'

/** Whether this component is the one that renders the provider's login modal (the first one mounted that asked). */
export function useHasModalHost(): boolean {
  const { modal } = useHasContext('useHasModalHost')
  const [id] = useState(() => Symbol('modal host'))
  useEffect(() => {
    modal.claim(id)
    return () => modal.release(id)
  }, [modal, id])
  return useSyncExternalStore(
    modal.subscribe,
    () => modal.host() === id,
    () => false,
  )
}
