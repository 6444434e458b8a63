import { handOverHiveSignerAnswer, readHiveSignerCallback } from '../core/connectors/hiveSignerCallback.js'
import type { FakeWallet, FakeWalletRequest } from './fakeWallet.js'
import { createHiveSignerService, type FakeHiveSignerDecision, type HiveSignerServiceOptions } from './hiveSignerService.js'

/** Options of installFakeHiveSigner. */
export interface InPageHiveSignerOptions extends HiveSignerServiceOptions {
  /** Default 'approve' (at once); 'manual' keeps the Authorize page open until `approve` or `reject`. */
  decision?: FakeHiveSignerDecision
  /** Its address: the connector's `baseUrl` (default `https://hivesigner.devkit.invalid`, which no network reaches). */
  url?: string
  /** Where to install (default `globalThis`: the page's window). */
  target?: Record<string, unknown>
}

/** The in-page HiveSigner's controls: its Authorize pages waiting for the user, and the tokens it issued. */
export interface InPageHiveSigner extends FakeWallet<FakeHiveSignerDecision> {
  /** The connector's `baseUrl`. */
  url: string
  /** Tokens it issued, newest last. */
  readonly tokens: readonly string[]
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
type Open = (url?: string | URL, name?: string, features?: string) => unknown

/** The window the page gets: HiveSigner's pop-up, whose address the connector sets, and that the callback closes. */
interface FakeWindow {
  closed: boolean
  close(): void
  location: { href: string }
}

/**
 * HiveSigner inside the page, for stories and browser demos that cannot run the Node fake (startFakeHiveSigner): the
 * same service (checks, tokens, API, broadcasts onto the in-page chain) behind the page's `open` and `fetch`. The
 * window HiveSigner's connector opens (named `hivesigner`, or opened on this address) is a stand-in whose Authorize
 * page is `pending()`: approved, it goes back to the `redirect_uri` and hands the answer over as the dApp's callback
 * page does (completeHiveSignerLogin); rejected, HiveSigner shows its home page and tells the app nothing.
 */
export function installFakeHiveSigner(options: InPageHiveSignerOptions): InPageHiveSigner {
  const target = options.target ?? (globalThis as unknown as Record<string, unknown>)
  const base = (options.url ?? 'https://hivesigner.devkit.invalid').replace(/\/+$/, '')
  const service = createHiveSignerService(options)
  let decision = options.decision ?? 'approve'
  let nextId = 1
  const requests: FakeWalletRequest[] = []
  const waiting = new Map<number, { request: FakeWalletRequest; window: FakeWindow; query: URLSearchParams }>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const originalOpen = target.open as Open | undefined
  const originalFetch = target.fetch as Fetch | undefined

  /** Leaves HiveSigner for the `redirect_uri`: the callback page hands the answer over, then closes the window. */
  function goBack(window: FakeWindow, query: URLSearchParams) {
    if (window.closed) return
    const answer = readHiveSignerCallback(new URL(service.grant(query)).search)
    if (answer) handOverHiveSignerAnswer(answer)
    window.close()
  }

  /** The window's new address: HiveSigner's Authorize page, or anywhere else (nothing happens). */
  function visit(window: FakeWindow, href: string) {
    if (!href.startsWith(`${base}/oauth2/authorize`)) return
    const query = new URL(href).searchParams
    if (!service.allows(query)) return // HiveSigner shows its error page; nobody is sent back
    const request: FakeWalletRequest = {
      id: nextId++,
      type: 'authorize',
      account: service.accountFor(query),
      role: query.get('scope') ?? 'login',
      message: `Authorize @${query.get('client_id') ?? ''}`,
    }
    requests.push(request)
    if (decision === 'approve') {
      const timer = setTimeout(() => {
        timers.delete(timer)
        goBack(window, query)
      }, 0)
      return void timers.add(timer)
    }
    if (decision === 'reject') return // its home page: the app hears nothing
    waiting.set(request.id, { request, window, query })
  }

  function openWindow(url?: string | URL): FakeWindow {
    let href = 'about:blank'
    const window: FakeWindow = {
      closed: false,
      close() {
        window.closed = true
        for (const [id, entry] of waiting) if (entry.window === window) waiting.delete(id)
      },
      location: {
        get href() {
          return href
        },
        set href(next: string) {
          href = next
          visit(window, next)
        },
      },
    }
    if (url !== undefined && String(url) !== 'about:blank') window.location.href = String(url)
    return window
  }

  target.open = (url?: string | URL, name?: string, features?: string) =>
    name === 'hivesigner' || String(url ?? '').startsWith(base) ? openWindow(url) : originalOpen?.(url, name, features)
  target.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!href.startsWith(`${base}/`)) return originalFetch!(input, init)
    const authorization = new Headers(init?.headers).get('authorization') ?? ''
    const body = typeof init?.body === 'string' ? init.body : ''
    const answer = service.api(new URL(href).pathname, init?.method ?? 'GET', authorization, body) ?? { status: 404, body: { error: 'not_found' } }
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } })
  }

  function restore(name: string, original: unknown) {
    if (original === undefined) delete target[name]
    else target[name] = original
  }

  return {
    url: base,
    tokens: service.tokens,
    requests,
    pending: () => [...waiting.values()].map((entry) => entry.request),
    approve(id) {
      const entry = waiting.get(id)
      if (!entry) return
      waiting.delete(id)
      goBack(entry.window, entry.query)
    },
    reject(id) {
      waiting.delete(id) // HiveSigner's home page: the app hears nothing, its window stays open
    },
    setDecision(next) {
      decision = next
    },
    uninstall() {
      restore('open', originalOpen)
      restore('fetch', originalFetch)
      for (const timer of timers) clearTimeout(timer)
      waiting.clear()
    },
  }
}
