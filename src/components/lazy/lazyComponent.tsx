'use client'
import { type ComponentType, useEffect, useState } from 'react'

/**
 * A component whose code loads on first use: `preload()` starts loading it (call it on hover or focus), and
 * `<Lazy active props />` renders it once loaded, loading it as soon as `active` is true. Until then it renders
 * nothing (nothing of it is needed before it is active). A failed load is retried on the next call.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<ComponentType<P>> | undefined
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
    return loading
  }
  function Lazy({ active, props }: { active: boolean; props: P }) {
    const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded)
    useEffect(() => {
      if (Component || !active) return
      let current = true
      preload().then(
        (component) => current && setComponent(() => component),
        () => {},
      )
      return () => {
        current = false
      }
    }, [Component, active])
    return Component ? <Component {...props} /> : null
  }
  return { preload, Lazy }
}
