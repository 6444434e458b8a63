'use client'
import { type ComponentType, useEffect, useState } from 'react'

/** A component whose code loads on first use. */
export interface LazyComponent<P> {
  /** Starts loading it (call it on hover or focus); a failed load is retried on the next call. */
  preload(): Promise<ComponentType<P>>
  /** The component, once loaded. */
  loaded(): ComponentType<P> | undefined
}

/** Declares a component loaded by `load` on first use (render it with LazyLoaded). */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let component: ComponentType<P> | undefined
  let loading: Promise<ComponentType<P>> | undefined
  return {
    preload() {
      loading ??= load().then(
        (loadedComponent) => (component = loadedComponent),
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )
      return loading
    },
    loaded: () => component,
  }
}

/** Renders a lazy component once loaded, loading it as soon as `active` is true; nothing until then. */
export function LazyLoaded<P extends object>({ component, active, props }: { component: LazyComponent<P>; active: boolean; props: P }) {
  const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => component.loaded())
  useEffect(() => {
    if (Component || !active) return
    let current = true
    component.preload().then(
      (loaded) => current && setComponent(() => loaded),
      () => {},
    )
    return () => {
      current = false
    }
  }, [Component, active, component])
  return Component ? <Component {...props} /> : null
}
