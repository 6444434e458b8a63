'use client'
import { useEffect, useState } from 'react'
import type { HasLabels } from './en.js'

/** The language last loaded: a component mounted later shows it at once. */
let last: { locale: string; labels: HasLabels | undefined } | undefined

/**
 * The labels of `locale` (`auto`: the browser's languages pick), loaded after the first render so that a page
 * rendered on a server hydrates as it was sent; English (undefined) until then. A browser asking for English first
 * loads nothing.
 */
export function useLocaleLabels(locale: string): HasLabels | undefined {
  const [labels, setLabels] = useState(() => (last?.locale === locale ? last.labels : undefined))
  useEffect(() => {
    const first = locale === 'auto' ? globalThis.navigator?.languages?.[0] : locale
    if (!first || /^en(?:$|-)/i.test(first)) return setLabels(undefined)
    let current = true
    import('./loadLocale.js')
      .then((m) => m.labelsFor(locale === 'auto' ? navigator.languages : [locale]))
      .then((found) => {
        last = { locale, labels: found }
        if (current) setLabels(found)
      })
      .catch(() => {}) // a language that cannot load leaves English
    return () => {
      current = false
    }
  }, [locale])
  return labels
}
