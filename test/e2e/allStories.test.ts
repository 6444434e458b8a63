import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './support/chromium'
import { serveStatic } from './support/staticServer'
import { openStory, saveScreenshot } from './support/storyPage'

interface IndexEntry {
  id: string
  type: 'story' | 'docs'
  title: string
}
const entries = Object.values((JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, IndexEntry> }).entries)
// These reach the internet on purpose (a real relay, avatar images); the offline check skips them.
const ONLINE = new Set(['demo-real-relay--default', 'components-hasloginbutton--with-avatar'])

let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>
beforeAll(async () => {
  server = await serveStatic('storybook-static')
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('every story, offline', () => {
  const stories = entries.filter((e) => e.type === 'story' && !ONLINE.has(e.id))

  it('has the stories the docs promise', () => {
    expect(entries.map((e) => e.id)).toContain('demo-login--default')
    expect(stories.length).toBeGreaterThanOrEqual(25)
  })

  it.each(stories.map((s) => s.id))('%s renders and plays without an error', async (id) => {
    const story = await openStory(browser, server.url, id)
    try {
      expect(await story.status()).toBe('success')
      expect(story.errors).toEqual([])
      expect(await story.page.locator('#storybook-root').innerText()).not.toBe('')
      await saveScreenshot(story.page, `story-${id}`)
    } finally {
      await story.close()
    }
  })
})
