import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { serveBuiltStorybook } from './support/builtStorybook'
import { axeViolations, openStory, saveScreenshot, settled } from './support/storyPage'

// The login modal as people hold it: a desktop at 1280×800 (mouse and keyboard), and phones at 390×844 and 360×640
// with touch. Screenshots go to .screenshots/ to be looked at.

const storybook = serveBuiltStorybook()
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
]
const phone = (viewport: { width: number; height: number }) => ({ viewport, hasTouch: true, isMobile: true })

/** Visible buttons and links in the dialog smaller than 44×44 px, by name. */
function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('dialog[data-has] :is(button, a[href], summary, input)')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.has-qr, .wallet-panel'))
      .map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ name, box }) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`),
  )
}

/** Where the dialog's panel sits once its height transition is over, and whether anything in it needs scrolling. */
async function panelBox(page: Page) {
  await settled(page)
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('.has-dialog__panel')!
    const box = panel.getBoundingClientRect()
    return { top: box.top, bottom: box.bottom, width: box.width, scrolls: panel.scrollHeight > panel.clientHeight + 1 }
  })
}

describe('on a phone, the login modal is a sheet', () => {
  it.each(PHONES)(
    '$width×$height: a bottom sheet, "Open in wallet" first, the QR code one tap away, all in view, 44 px targets',
    async (viewport) => {
      const story = await openStory(storybook, 'components-hasqrmodal--phone', phone(viewport))
      const { page } = story
      try {
        expect(await story.status()).toBe('success')
        const dialog = page.getByRole('dialog')
        const box = await panelBox(page)
        expect(Math.round(box.bottom)).toBe(viewport.height) // it sits on the bottom edge
        expect(Math.round(box.width)).toBe(viewport.width)
        expect(box.top).toBeGreaterThanOrEqual(0)
        expect(box.scrolls).toBe(false) // Back and Cancel in view without scrolling
        for (const name of ['Open in wallet', 'Back', 'Cancel'])
          expect(await dialog.getByRole(name === 'Open in wallet' ? 'link' : 'button', { name }).isVisible()).toBe(true)
        expect(await page.locator('.has-qr').count()).toBe(0) // folded: this phone cannot scan its own screen
        expect(await smallTargets(page)).toEqual([])
        expect(await axeViolations(page, 'dialog[data-has]')).toEqual([])
        await saveScreenshot(page, `sheet-${viewport.width}x${viewport.height}`)
        await dialog.getByRole('button', { name: 'Show the QR code' }).tap()
        expect(await page.locator('.has-qr svg').isVisible()).toBe(true)
        expect(await dialog.getByRole('button', { name: 'Hide the QR code' }).getAttribute('aria-expanded')).toBe('true')
        await saveScreenshot(page, `sheet-${viewport.width}x${viewport.height}-qr-shown`)
        expect(story.errors).toEqual([])
      } finally {
        await story.close()
      }
    },
  )

  it.each(PHONES)('$width×$height: the account step, the help step and the outcome keep 44 px targets', async (viewport) => {
    for (const id of ['components-hasqrmodal--account-entry', 'components-hasqrmodal--help', 'components-hasqrmodal--rejected']) {
      const story = await openStory(storybook, id, phone(viewport))
      try {
        expect([id, await story.status()]).toEqual([id, 'success'])
        expect([id, await smallTargets(story.page)]).toEqual([id, []])
        await saveScreenshot(story.page, `sheet-${viewport.width}-${id.split('--')[1]}`)
      } finally {
        await story.close()
      }
    }
  })
})

describe('on a desktop (1280×800)', () => {
  const desktop = { viewport: { width: 1280, height: 800 } }

  it('the QR code leads, 280–320 px, with a skeleton of its size while the request is sent', async () => {
    const story = await openStory(storybook, 'components-hasqrmodal--waiting', desktop)
    try {
      const qr = (await story.page.locator('.has-qr svg').boundingBox())!
      expect(qr.width).toBeGreaterThanOrEqual(280)
      expect(qr.width).toBeLessThanOrEqual(320)
      await saveScreenshot(story.page, 'desktop-waiting')
    } finally {
      await story.close()
    }
    const slow = await openStory(storybook, 'components-hasqrmodal--slow-relay', desktop)
    try {
      expect(await slow.status()).toBe('success') // its play saw the skeleton, then the QR code
      const skeletonHeight = await slow.page.evaluate(() => document.querySelector('.has-qr')!.getBoundingClientRect().height)
      expect(skeletonHeight).toBeGreaterThanOrEqual(280)
    } finally {
      await slow.close()
    }
  })

  it('a second Enter after the account name does not open the has:// link', async () => {
    const story = await openStory(storybook, 'components-hasqrmodal--account-entry', desktop)
    const { page } = story
    try {
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('Hive account').fill('alice')
      await page.keyboard.press('Enter')
      await dialog.getByRole('link', { name: 'Open in wallet' }).waitFor()
      await page.waitForTimeout(100) // the step's focus moves after it is painted
      const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60))
      expect(focused).not.toMatch(/has:\/\//)
      const navigations: string[] = []
      page.on('framenavigated', (frame) => navigations.push(frame.url()))
      await page.keyboard.press('Enter')
      await page.waitForTimeout(200)
      expect(navigations).toEqual([])
      expect(await dialog.getAttribute('data-status')).toBe('waiting')
    } finally {
      await story.close()
    }
  })

  it('the account menu works from the keyboard: ArrowDown opens on the first item, arrows move, Escape returns, Tab leaves', async () => {
    const story = await openStory(storybook, 'components-hasloginbutton--logged-in', desktop)
    const { page } = story
    try {
      const trigger = page.getByRole('button', { name: 'Account menu for @alice' })
      await trigger.focus()
      await page.keyboard.press('ArrowDown')
      await page.getByRole('menu').waitFor()
      const focused = () => page.evaluate(() => document.activeElement?.textContent)
      expect(await focused()).toBe('Add account')
      await page.keyboard.press('ArrowDown')
      expect(await focused()).toBe('Copy account name')
      await page.keyboard.press('End')
      expect(await focused()).toBe('Log out @alice')
      await page.keyboard.press('Escape')
      expect(await page.getByRole('menu').count()).toBe(0)
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu')
      await page.keyboard.press('ArrowUp')
      expect(await focused()).toBe('Log out @alice')
      await page.keyboard.press('Tab')
      expect(await page.getByRole('menu').count()).toBe(0)
      await trigger.click()
      expect(await axeViolations(page, '.has-account')).toEqual([])
      await saveScreenshot(page, 'account-menu-open')
    } finally {
      await story.close()
    }
  })
})

describe('every state, axe at 0 violations', () => {
  it.each([
    'components-hasqrmodal--waiting',
    'components-hasqrmodal--service-mode-waiting',
    'components-hasqrmodal--with-challenge',
    'components-hasqrmodal--verified-login',
    'components-hasqrmodal--help',
    'components-hasqrmodal--expired',
    'components-hasqrmodal--missing-key',
    'components-hassignprompt--many-operations',
    'components-hasloginbutton--verified-login',
  ])('%s', async (id) => {
    const story = await openStory(storybook, id, { viewport: { width: 1280, height: 800 } })
    try {
      expect([await story.status(), story.errors]).toEqual(['success', []])
      expect(await axeViolations(story.page, '[data-has]')).toEqual([])
      await saveScreenshot(story.page, `state-${id.split('--')[1]}`)
    } finally {
      await story.close()
    }
  })
})
