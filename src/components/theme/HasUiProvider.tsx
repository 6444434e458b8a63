'use client'
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { HasLabels } from '../i18n/en.js'
import { enButtonLabels } from '../i18n/enButton.js'
import { useLocaleLabels } from '../i18n/useLocaleLabels.js'

/** Colour scheme: fixed, or following the operating system. */
export type HasTheme = 'light' | 'dark' | 'system'

/** Look and language shared by the components below a HasUiProvider. */
export interface HasUiOptions {
  /** Labels to use: a partial override, or a whole language such as `esLabels` (then `locale` plays no part). */
  labels?: Partial<HasLabels>
  /**
   * The language when `labels` bring none: `auto` (the default) follows the browser's languages, loading that one's
   * labels on first use (English readers load nothing); a tag such as `de` or `zh-TW` picks one; `en` keeps English.
   */
  locale?: string
  theme?: HasTheme
  /** Avatar image URL with `{account}`; `false` shows initials and loads nothing. */
  avatarUrl?: string | false
}

/** The UI options as a component applies them: every one set. */
export interface ResolvedUi {
  /**
   * The first load's English labels, then the overrides; the modal, the menu and the sign prompt complete them with
   * English (`completeLabels`) when they load.
   */
  labels: typeof enButtonLabels & Partial<HasLabels>
  theme: HasTheme
  avatarUrl: string | false
}

const DEFAULT_AVATAR = 'https://images.hive.blog/u/{account}/avatar/small'
const UiContext = createContext<HasUiOptions>({})

/** Sets labels, theme and avatar source for every HiveAuth component below it; component props still win. */
export function HasUiProvider({ children, ...options }: HasUiOptions & { children?: ReactNode }) {
  const parent = useContext(UiContext)
  const { labels, theme, avatarUrl, locale } = options
  const value = useMemo(() => {
    const own: HasUiOptions = { labels: { ...parent.labels, ...labels } }
    if (theme !== undefined) own.theme = theme
    if (avatarUrl !== undefined) own.avatarUrl = avatarUrl
    if (locale !== undefined) own.locale = locale
    return { ...parent, ...own }
  }, [parent, labels, theme, avatarUrl, locale])
  return <UiContext.Provider value={value}>{children}</UiContext.Provider>
}

/**
 * The effective UI options: defaults (English, or the user's language once loaded), then the nearest HasUiProvider,
 * then the component's own props.
 */
export function useUi(own: HasUiOptions = {}): ResolvedUi {
  const shared = useContext(UiContext)
  // Labels of a whole language (they name their `locale`) leave nothing to detect.
  const whole = own.labels?.locale ?? shared.labels?.locale
  const language = useLocaleLabels(whole ? 'en' : (own.locale ?? shared.locale ?? 'auto'))
  return useMemo(
    () => ({
      labels: { ...enButtonLabels, ...language, ...shared.labels, ...own.labels },
      theme: own.theme ?? shared.theme ?? 'system',
      avatarUrl: own.avatarUrl ?? shared.avatarUrl ?? DEFAULT_AVATAR,
    }),
    [shared, language, own.labels, own.theme, own.avatarUrl],
  )
}
