import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium } from './chromium'
import { serveStatic } from './staticServer'

/** The built Storybook served on 127.0.0.1 and a Chromium to visit it, for the tests of one file. */
export interface BuiltStorybook {
  readonly browser: Browser
  readonly url: string
}

/** Serves storybook-static and launches Chromium before the file's tests; closes both after them. */
export function serveBuiltStorybook(): BuiltStorybook {
  let browser: Browser | undefined
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined
  beforeAll(async () => {
    server = await serveStatic('storybook-static')
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not running: use it inside a test.')
      return browser
    },
    get url() {
      if (!server) throw new Error('Storybook is not served: use it inside a test.')
      return server.url
    },
  }
}
