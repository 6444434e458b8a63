import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { serveBuiltStorybook } from './support/builtStorybook'
import { axeViolations, openStory, saveScreenshot, settled } from './support/storyPage'

// The states of signing people must be able to trust, as people hold the page: a desktop at 1280×800 and phones at
// 390×844 and 360×640 with touch. Each state's dialog fits the screen, its warning is in view, its controls are big
// enough to hit, axe finds nothing; screenshots go to .screenshots/ to be looked at.

const storybook = serveBuiltStorybook()
const VIEWPORTS = [
  { name: 'desktop', options: { viewport: { width: 1280, height: 800 } }, minTarget: 24 },
  { name: '390x844', options: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }, minTarget: 44 },
  { name: '360x640', options: { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true }, minTarget: 44 },
]
const STATES = [
  { story: 'components-hassignprompt--dangerous-transfer', shows: 'alert' },
  { story: 'components-hassignprompt--cancelled-then-approved-in-wallet', shows: 'alert' },
  { story: 'components-hassignprompt--chain-failure', shows: 'alert' },
  { story: 'components-hassignprompt--right-to-left-raw-operations', shows: 'summary' },
  { story: 'components-hasqrmodal--relay-outage', shows: 'status' },
  { story: 'components-hasqrmodal--unknown-account', shows: 'alert' },
] as const

/** The dialog's panel once its transitions are over, and the page's horizontal overflow. */
async function layout(page: Page) {
  await settled(page)
  return page.evaluate(() => {
    const box = document.querySelector('.has-dialog__panel')!.getBoundingClientRect()
    return { left: box.left, right: box.right, top: box.top, bottom: box.bottom, overflowX: document.documentElement.scrollWidth > innerWidth }
  })
}

/** The dialog's visible controls smaller than `min` px on a side (the QR code and the devkit's wallet panel aside). */
function smallTargets(page: Page, min: number) {
  return page.evaluate(
    (size) =>
      [...document.querySelectorAll<HTMLElement>('dialog[data-has] :is(button, a[href], summary, input)')]
        .filter((el) => el.getClientRects().length > 0 && !el.closest('.has-qr, .wallet-panel'))
        .map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < size || box.width < size)
        .map(({ name, box }) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`),
    min,
  )
}

describe.each(VIEWPORTS)('at $name', ({ name, options, minTarget }) => {
  it.each(STATES)('$story: in view, its message visible, targets ≥ the minimum, axe-clean', async ({ story: id, shows }) => {
    const story = await openStory(storybook, id, options)
    const { page } = story
    try {
      expect([await story.status(), story.errors]).toEqual(['success', []])
      const box = await layout(page)
      const { width, height } = options.viewport
      expect(box.left).toBeGreaterThanOrEqual(0)
      expect(box.right).toBeLessThanOrEqual(width)
      expect(box.top).toBeGreaterThanOrEqual(0)
      expect(box.bottom).toBeLessThanOrEqual(height + 0.5)
      expect(box.overflowX).toBe(false)
      const message = page.locator(`dialog[data-has] ${shows === 'summary' ? 'summary' : `[role="${shows}"]`}`).first()
      await message.scrollIntoViewIfNeeded()
      expect(await message.isVisible()).toBe(true)
      expect(await smallTargets(page, minTarget)).toEqual([])
      expect(await axeViolations(page, 'dialog[data-has]')).toEqual([])
      await saveScreenshot(page, `sign-states-${name}-${id.split('--')[1]}`)
    } finally {
      await story.close()
    }
  })
})

describe('right to left', () => {
  it('an account or a post stays whole and in order (@ first) inside an Arabic sentence', async () => {
    const story = await openStory(storybook, 'components-hassignprompt--right-to-left-raw-operations', { deviceScaleFactor: 2 })
    try {
      expect(await story.status()).toBe('success')
      const items = story.page.locator('dialog[data-has] .has-ops li')
      // Each account reference is its own left-to-right island: its first character on screen is the "@".
      const islands = await items.evaluateAll((lis) =>
        lis.map((li) => {
          const text = li.textContent ?? ''
          const at = text.indexOf('@')
          const range = document.createRange()
          const node = [...li.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes('@'))!
          const offset = node.textContent!.indexOf('@')
          range.setStart(node, offset)
          range.setEnd(node, offset + 2)
          const [atBox, letterBox] = [...range.getClientRects()]
          return { at: at >= 0, atLeftOfName: atBox && letterBox ? atBox.left <= letterBox.left : true }
        }),
      )
      expect(islands.every((i) => i.at)).toBe(true)
      await items.first().screenshot({ path: '.screenshots/rtl-op-line.png' })
      expect(islands.map((i) => i.atLeftOfName)).toEqual(islands.map(() => true))
    } finally {
      await story.close()
    }
  })
})
