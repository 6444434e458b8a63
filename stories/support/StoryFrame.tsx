import { useEffect, useState, type ReactNode } from 'react'
import { arLabels } from '../../src/components/i18n/ar'
import { deLabels } from '../../src/components/i18n/de'
import { enLabels } from '../../src/components/i18n/en'
import { esLabels } from '../../src/components/i18n/es'
import { frLabels } from '../../src/components/i18n/fr'
import { itLabels } from '../../src/components/i18n/it'
import { jaLabels } from '../../src/components/i18n/ja'
import { koLabels } from '../../src/components/i18n/ko'
import { plLabels } from '../../src/components/i18n/pl'
import { ptLabels } from '../../src/components/i18n/pt'
import { ruLabels } from '../../src/components/i18n/ru'
import { zhLabels } from '../../src/components/i18n/zh'
import { zhTWLabels } from '../../src/components/i18n/zhTW'
import { hiLabels } from '../../src/components/i18n/hi'
import { idLabels } from '../../src/components/i18n/id'
import { trLabels } from '../../src/components/i18n/tr'
import { HasUiProvider, type HasTheme } from '../../src/components/theme/HasUiProvider'
import { HasProvider } from '../../src/react/HasProvider'
import { useHasClient } from '../../src/react/hooks/useHasClient'
import { createPlayground, type Playground, type PlaygroundOptions } from './playground'
import { pseudoLocalize } from './pseudoLocale'
import { WalletPanel } from './WalletPanel'

/** Story parameters under `has`. */
export interface HasStoryParameters extends PlaygroundOptions {
  /** `false`: the story brings its own provider (e.g. a real relay) and no wallet panel. */
  devkit?: boolean
  /** Hide the wallet panel (the devkit still runs). */
  walletPanel?: boolean
}

/** Every locale the kit ships, plus a pseudo-locale that makes cut-off and untranslated text easy to spot. */
export const LOCALES = {
  en: enLabels,
  es: esLabels,
  de: deLabels,
  fr: frLabels,
  it: itLabels,
  pt: ptLabels,
  pl: plLabels,
  ru: ruLabels,
  zh: zhLabels,
  'zh-TW': zhTWLabels,
  hi: hiLabels,
  id: idLabels,
  tr: trLabels,
  ja: jaLabels,
  ko: koLabels,
  ar: arLabels,
  pseudo: pseudoLocalize(enLabels),
}

/** A toolbar choice: a language, or `auto` (the browser's languages pick, as the kit does by default). */
export type StoryLocale = keyof typeof LOCALES | 'auto'

/** Names for the toolbar, each in its own language. */
export const LOCALE_NAMES: Record<StoryLocale, string> = {
  auto: 'Browser’s language',
  en: 'English',
  es: 'Español',
  de: 'Deutsch',
  fr: 'Français',
  it: 'Italiano',
  pt: 'Português',
  pl: 'Polski',
  ru: 'Русский',
  zh: '中文（简体）',
  'zh-TW': '中文（繁體）',
  hi: 'हिन्दी',
  id: 'Bahasa Indonesia',
  tr: 'Türkçe',
  ja: '日本語',
  ko: '한국어',
  ar: 'العربية',
  pseudo: 'Pseudo-locale',
}

declare global {
  interface Window {
    /** The story's devkit, for the browser tests and for poking at from the console. */
    __hasPlayground?: Playground
  }
}

/** Wraps every story: theme and locale from the toolbar, and an in-page relay + wallet unless the story opts out. */
export function StoryFrame({
  has = {},
  theme,
  locale,
  children,
}: {
  has?: HasStoryParameters
  theme: HasTheme
  locale: StoryLocale
  children: ReactNode
}) {
  const labels = locale === 'auto' ? undefined : (LOCALES[locale] ?? enLabels)
  const ui = (
    <HasUiProvider theme={theme} labels={labels} avatarUrl={false}>
      {children}
    </HasUiProvider>
  )
  return (
    <div className="story-frame" data-story-theme={theme} dir={labels?.dir} lang={locale === 'pseudo' || locale === 'auto' ? undefined : locale}>
      {has.devkit === false ? ui : <DevkitStory has={has}>{ui}</DevkitStory>}
    </div>
  )
}

function DevkitStory({ has, children }: { has: HasStoryParameters; children: ReactNode }) {
  const [playground] = useState(() => createPlayground(has))
  useEffect(() => {
    window.__hasPlayground = playground
    return () => {
      if (window.__hasPlayground === playground) delete window.__hasPlayground
      playground.close()
    }
  }, [playground])
  return (
    <HasProvider
      app={{ name: 'Storybook demo', description: 'hive-auth-react stories' }}
      devkit={playground.devkit}
      storage={playground.storage}
      authKeySecret={has.secret}
      verify={has.verify}
      chain={{ nodes: [playground.chain.url], fetch: playground.chain.fetch }}
      connectors={playground.connectors}
    >
      <LogInFirst playground={playground} accounts={has.loggedIn}>
        <div className="story-layout">
          <main className="story-layout__main">{children}</main>
          {has.walletPanel !== false && <WalletPanel playground={playground} />}
        </div>
      </LogInFirst>
    </HasProvider>
  )
}

/** Shows the story once its `loggedIn` accounts are in, so a "logged in" story never flashes the logged-out state. */
function LogInFirst({ playground, accounts, children }: { playground: Playground; accounts?: readonly string[]; children: ReactNode }) {
  const client = useHasClient()
  const [ready, setReady] = useState(!accounts?.length)
  const [error, setError] = useState<string>()
  useEffect(() => {
    if (!client || !accounts?.length) return
    playground.logIn(client, accounts).then(
      () => setReady(true),
      (e: Error) => setError(e.message),
    )
  }, [client, playground, accounts])
  if (error) return <p role="alert">Could not log the story's accounts in: {error}</p>
  return ready ? children : <p className="story-loading">Logging in {accounts?.join(', ')}…</p>
}
