import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { serveBuiltStorybook } from './support/builtStorybook'
import { axeViolations, decodeQrOnScreen, openStory, saveScreenshot, settled } from './support/storyPage'

// The drop-in inside pages whose global CSS would restyle it (a stock create-vite app, Tailwind's preflight,
// Bootstrap's reboot, careless global rules): logged out, waiting, logged in with the menu open, and the sign prompt,
// each measured. Screenshots go to .screenshots/ to be looked at.

const storybook = serveBuiltStorybook()
const HOSTS = ['create-vite', 'tailwind-preflight', 'bootstrap-reboot', 'global-rules']

const box = async (locator: Locator) => (await locator.boundingBox())!
/** Computed style properties of the first element matching `selector`. */
const style = (page: Page, selector: string, names: string[]) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, props) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)])), names)
/** Elements of the dialog whose text is cut off (wider content than box, without scrolling meant). */
const clipped = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('dialog[data-has] :is(h2, p, button, a, li, label, figcaption)')]
      .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      .map((el) => el.textContent?.trim().slice(0, 40)),
  )

describe.each(HOSTS)('inside a %s page', (host) => {
  it('logged out, waiting, logged in with the menu open, and signing: sized, anchored and typeset as the kit means', async () => {
    const story = await openStory(storybook, `host-pages--${host}`, { viewport: { width: 1280, height: 800 } })
    const { page } = story
    try {
      expect([await story.status(), story.errors]).toEqual(['success', []])
      // Logged out: the button is as wide as its label, not as the page's column.
      const login = page.getByRole('button', { name: 'Log in with HiveAuth' })
      const loginBox = await box(login)
      expect(loginBox.width).toBeLessThan(320)
      expect(loginBox.height).toBeGreaterThan(30)
      expect(loginBox.height).toBeLessThan(60)
      expect(await login.evaluate((b) => [getComputedStyle(b).fontSize, getComputedStyle(b).textTransform])).toEqual(['16px', 'none'])
      await saveScreenshot(page, `host-${host}-logged-out`)

      // Waiting: the dialog reads left to right from its start edge, in the kit's type, nothing cut off.
      await login.click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('Hive account').fill('alice')
      await dialog.getByRole('button', { name: 'Continue', exact: true }).click()
      const link = await dialog.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')
      await settled(page)
      const panel = await box(page.locator('.has-dialog__panel'))
      expect(panel.width).toBeLessThanOrEqual(420)
      expect(
        await style(page, 'dialog[data-has] .has-step p', ['text-align', 'font-size', 'text-indent', 'text-transform', 'letter-spacing']),
      ).toEqual({
        'text-align': 'start',
        'font-size': '16px',
        'text-indent': '0px',
        'text-transform': 'none',
        'letter-spacing': 'normal',
      })
      const qr = await box(page.locator('.has-qr svg'))
      expect(qr.width).toBeGreaterThanOrEqual(200)
      expect(Math.abs(qr.width - qr.height)).toBeLessThan(2)
      expect(await decodeQrOnScreen(page, page.locator('.has-qr svg'))).toBe(link) // drawn, and scannable
      expect(await clipped(page)).toEqual([])
      expect(await axeViolations(page, 'dialog[data-has]')).toEqual([])
      await saveScreenshot(page, `host-${host}-waiting`)
      // The README's picture (docs/images/login-modal.png) is this one, from the stock create-vite page.
      if (host === 'create-vite') await page.locator('.has-dialog__panel').screenshot({ path: '.screenshots/readme-login-modal.png' })

      // Logged in, the menu open: it opens at its button, not at the page's column.
      await page.evaluate((l) => window.__hasPlayground!.wallet().scan(l!), link)
      const account = page.getByRole('button', { name: 'Account menu for @alice' })
      await account.click()
      await page.getByRole('menu').waitFor()
      await settled(page)
      const menu = await box(page.locator('[data-has] .has-menu')) // the panel: who is logged in, then the menu's items
      const button = await box(account)
      await saveScreenshot(page, `host-${host}-menu`)
      expect(menu.y - (button.y + button.height)).toBeGreaterThanOrEqual(-1)
      expect(menu.y - (button.y + button.height)).toBeLessThan(16)
      expect(Math.min(Math.abs(menu.x - button.x), Math.abs(menu.x + menu.width - (button.x + button.width)))).toBeLessThan(8)
      await page.keyboard.press('Escape')

      // Signing: the operations keep their bullets beside their text; the prompt's type is the kit's.
      await page.evaluate(() => window.__hasPlayground!.setDecision('manual'))
      await page.getByRole('button', { name: 'Upvote @hiveio/welcome' }).click()
      const prompt = page.getByRole('dialog', { name: 'Approve the transaction in your wallet' })
      await prompt.getByRole('link', { name: 'Open in wallet' }).waitFor()
      expect(await style(page, 'dialog[data-has] .has-ops li', ['display', 'list-style-type', 'text-align'])).toEqual({
        display: 'list-item',
        'list-style-type': 'disc',
        'text-align': 'start',
      })
      const list = await box(page.locator('dialog[data-has] .has-ops'))
      const item = await box(page.locator('dialog[data-has] .has-ops li').first())
      expect(item.x - list.x).toBeGreaterThan(10) // room for the bullet, inside the list
      expect(item.x - list.x).toBeLessThan(30)
      expect(await clipped(page)).toEqual([])
      await saveScreenshot(page, `host-${host}-sign`)
    } finally {
      await story.close()
    }
  })
})
