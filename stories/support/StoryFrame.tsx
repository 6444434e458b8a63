import { useEffect, useState, type ReactNode } from 'react'
import { esLabels } from '../../src/components/i18n/es'
import { HasUiProvider, type HasTheme } from '../../src/components/theme/HasUiProvider'
import { HasProvider } from '../../src/react/HasProvider'
import { useHasClient } from '../../src/react/hooks/useHasClient'
import { createPlayground, type Playground, type PlaygroundOptions } from './playground'
import { WalletPanel } from './WalletPanel'

/** Story parameters under `has`. */
export interface HasStoryParameters extends PlaygroundOptions {
  /** `false`: the story brings its own provider (e.g. a real relay) and no wallet panel. */
  devkit?: boolean
  /** Hide the wallet panel (the devkit still runs). */
  walletPanel?: boolean
}

export const LOCALES = { en: undefined, es: esLabels }

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
  locale: keyof typeof LOCALES
  children: ReactNode
}) {
  const ui = (
    <HasUiProvider theme={theme} labels={LOCALES[locale]} avatarUrl={false}>
      {children}
    </HasUiProvider>
  )
  return (
    <div className="story-frame" data-story-theme={theme}>
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
