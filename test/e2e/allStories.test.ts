import { readFileSync } from 'node:fs'
import type { BrowserContext } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { serveBuiltStorybook } from './support/builtStorybook'
import { openStory, saveScreenshot } from './support/storyPage'

interface IndexEntry {
  id: string
  type: 'story' | 'docs'
  title: string
}
const entries = Object.values((JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, IndexEntry> }).entries)
// This one reaches the internet on purpose (a real relay); the offline check skips it.
const ONLINE = new Set(['demo-real-relay--default'])

const storybook = serveBuiltStorybook()

describe('every story, offline', () => {
  const stories = entries.filter((e) => e.type === 'story' && !ONLINE.has(e.id))

  it('has the stories the docs promise', () => {
    expect(entries.map((e) => e.id)).toContain('demo-login--default')
    expect(stories.length).toBeGreaterThanOrEqual(25)
  })

  // Stories are independent (each has its own relay; storage is cleared): four at a time, each in one of four browser
  // contexts that are reused, so Storybook's scripts are fetched and compiled once per context, not once per story.
  const lanes = contextPool(4)

  it.concurrent.for(stories.map((s) => s.id))('%s renders and plays without an error', async (id, { expect }) => {
    const context = await lanes.take()
    const story = await openStory(storybook, id, { context })
    try {
      expect([await story.status(), story.errors]).toEqual(['success', []]) // the errors say why a story failed
      expect(story.external).toEqual([])
      expect(await story.page.locator('#storybook-root').textContent()).not.toBe('')
      await saveScreenshot(story.page, `story-${id}`)
    } finally {
      await story.close()
      lanes.give(context)
    }
  })
})

/** `size` browser contexts handed out one test at a time; each page starts with empty storage. */
function contextPool(size: number) {
  const free: BrowserContext[] = []
  const waiting: ((context: BrowserContext) => void)[] = []
  let made = 0
  afterAll(() => Promise.all(free.map((c) => c.close())))
  return {
    async take(): Promise<BrowserContext> {
      const context = free.pop()
      if (context) return context
      if (made >= size) return new Promise((resolve) => waiting.push(resolve))
      made++
      const fresh = await storybook.browser.newContext({ viewport: { width: 1100, height: 760 } })
      await fresh.addInitScript(() => {
        localStorage.clear()
        sessionStorage.clear()
      })
      return fresh
    },
    give(context: BrowserContext) {
      const next = waiting.shift()
      if (next) next(context)
      else free.push(context)
    },
  }
}

describe('every docs page', () => {
  const docs = entries.filter((e) => e.type === 'docs')

  it.concurrent.for(docs.map((d) => [d.id, d.title] as const))(
    '%s shows its component and stories without an error',
    async ([id, title], { expect }) => {
      const context = await storybook.browser.newContext({ viewport: { width: 1100, height: 900 } })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      try {
        await page.goto(`${storybook.url}/iframe.html?id=${id}&viewMode=docs`)
        const content = page.locator('.sbdocs-content')
        await content.waitFor({ timeout: 20_000 })
        expect(await content.locator('h1').first().textContent()).toBe(title.split('/').at(-1))
        // the first story renders in its frame (each docs story has its own: an open modal must not block the page)
        await expect
          .poll(() => page.frameLocator('.sbdocs-content iframe').first().locator('#storybook-root').textContent(), { timeout: 20_000 })
          .not.toBe('')
        expect(errors).toEqual([])
        await saveScreenshot(page, `docs-${id}`)
      } finally {
        await context.close()
      }
    },
  )
})
