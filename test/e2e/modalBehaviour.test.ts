import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { serveBuiltStorybook } from './support/builtStorybook'
import { axeViolations, openStory, saveScreenshot } from './support/storyPage'

const storybook = serveBuiltStorybook()

/** How far the page, and every element inside `selector`, reaches beyond the viewport sideways (0 when nothing does). */
function sidewaysOverflow(page: Page, selector: string) {
  return page.evaluate((target) => {
    const width = document.documentElement.clientWidth
    let worst = Math.max(0, document.documentElement.scrollWidth - width)
    for (const element of document.querySelectorAll(`${target}, ${target} *`)) {
      const box = element.getBoundingClientRect()
      if (box.width === 0) continue
      worst = Math.max(
        worst,
        -box.left,
        box.right - width,
        element.scrollWidth - element.clientWidth > 1 && getComputedStyle(element).overflowX === 'visible'
          ? element.scrollWidth - element.clientWidth
          : 0,
      )
    }
    return Math.round(worst)
  }, selector)
}

describe('the login modal in Chromium', () => {
  it('Back from the QR code returns to the account name, kept, and the request is cancelled', async () => {
    const story = await openStory(storybook, 'components-hasqrmodal--waiting')
    const { page } = story
    try {
      const dialog = page.getByRole('dialog')
      await dialog.getByRole('button', { name: 'Back' }).click()
      expect(await dialog.getByLabel('Hive account').inputValue()).toBe('alice')
      expect(await dialog.getAttribute('data-status')).toBe('idle')
      expect(await page.evaluate(() => window.__hasPlayground!.wallet().pending().length)).toBe(0)
      expect(story.errors).toEqual([])
    } finally {
      await story.close()
    }
  })

  it('never sits under the wallet panel (1280 px wide, and a 360 px phone with the panel folded)', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 360, height: 740 },
    ]) {
      const story = await openStory(storybook, 'components-hasqrmodal--waiting', { viewport })
      try {
        const overlap = await story.page.evaluate(() => {
          const a = document.querySelector('.has-dialog__panel')!.getBoundingClientRect()
          const b = document.querySelector('.wallet-panel')!.getBoundingClientRect()
          return (
            Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))
          )
        })
        expect([viewport.width, overlap]).toEqual([viewport.width, 0])
        await saveScreenshot(story.page, `modal-beside-wallet-${viewport.width}`)
      } finally {
        await story.close()
      }
    }
  })

  it('lays out right to left in Arabic, with nothing overflowing', async () => {
    const story = await openStory(storybook, 'components-hasqrmodal--right-to-left', { viewport: { width: 1100, height: 800 } })
    const { page } = story
    try {
      const dialog = page.locator('dialog[data-has]')
      expect(await dialog.getAttribute('dir')).toBe('rtl')
      const title = (await dialog.locator('.has-dialog__title').boundingBox())!
      const close = (await dialog.locator('.has-icon-button').boundingBox())!
      expect(close.x).toBeLessThan(title.x) // the close button sits at the start edge's opposite: the left
      expect(await sidewaysOverflow(page, 'dialog[data-has]')).toBe(0)
      expect(await axeViolations(page, 'dialog[data-has]')).toEqual([])
      await saveScreenshot(page, 'modal-rtl-arabic')
    } finally {
      await story.close()
    }
  })

  it('is accessible in every language (axe, contrast included)', async () => {
    const ids = [
      'en',
      'spanish',
      'german',
      'french',
      'italian',
      'portuguese',
      'polish',
      'russian',
      'chinese',
      'traditional-chinese',
      'hindi',
      'indonesian',
      'turkish',
      'japanese',
      'korean',
      'arabic',
      'pseudo',
    ]
    const check = async (name: string) => {
      const story = await openStory(storybook, `languages-login-modal--${name === 'en' ? 'english' : name}`)
      try {
        return [
          name,
          await story.status(),
          await axeViolations(story.page, 'dialog[data-has]'),
          await sidewaysOverflow(story.page, 'dialog[data-has]'),
        ]
      } finally {
        await story.close()
      }
    }
    // Three languages at a time, each in its own context.
    const results: unknown[] = []
    for (let i = 0; i < ids.length; i += 3) results.push(...(await Promise.all(ids.slice(i, i + 3).map(check))))
    expect(results).toEqual(ids.map((name) => [name, 'success', [], 0]))
  })
})

/** Whether "@" is drawn left of the name in the first element matching `selector` (what left-to-right text looks like). */
function atSignDrawnFirst(page: Page, selector: string) {
  return page.evaluate((target) => {
    const element = document.querySelector(target)!
    // React may split "@" and the name into two text nodes: index every character of the element's text.
    const chars: { node: Text; offset: number }[] = []
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode as Text
      for (let offset = 0; offset < node.data.length; offset++) chars.push({ node, offset })
    }
    const at = chars.findIndex((c) => c.node.data[c.offset] === '@')
    if (at < 0 || at + 1 >= chars.length) throw new Error(`no "@name" in ${target}`)
    const left = ({ node, offset }: { node: Text; offset: number }) => {
      const range = document.createRange()
      range.setStart(node, offset)
      range.setEnd(node, offset + 1)
      return range.getBoundingClientRect().left
    }
    return left(chars[at]!) < left(chars[at + 1]!)
  }, selector)
}

describe('account names right to left', () => {
  it('read "@bob", never "bob@", in the button and in the menu (Arabic)', async () => {
    const story = await openStory(storybook, 'components-hasloginbutton--right-to-left', { viewport: { width: 1100, height: 700 } })
    const { page } = story
    try {
      await page.locator('.has-menu').waitFor()
      expect(await atSignDrawnFirst(page, '.has-account__name')).toBe(true)
      expect(await atSignDrawnFirst(page, '.has-menu__list .has-menu__item:first-child')).toBe(true)
      const menu = (await page.locator('.has-menu').boundingBox())!
      const panel = (await page.locator('.wallet-panel').boundingBox())!
      expect(menu.x >= panel.x + panel.width || menu.x + menu.width <= panel.x).toBe(true) // the menu is clear of the panel
      await saveScreenshot(page, 'account-menu-rtl')
    } finally {
      await story.close()
    }
  })
})

describe('the sign prompt on a 360 px phone', () => {
  it.each([
    ['components-hassignprompt--signed-on-phone', 'Transaction id', 'sign-txid-360'],
    ['components-hassignprompt--challenge-signed', 'Signature', 'sign-signature-360'],
  ])('%s: the labelled value wraps inside the screen, with Copy', async (id, label, shot) => {
    const story = await openStory(storybook, id, { viewport: { width: 360, height: 740 } })
    const { page } = story
    try {
      const value = page.getByRole('figure', { name: label })
      await value.waitFor()
      expect(await value.locator('code').textContent()).toMatch(/^[0-9a-f]{40,130}$/)
      expect(await sidewaysOverflow(page, 'dialog[data-has]')).toBe(0)
      const copy = value.getByRole('button', { name: `Copy: ${label}` })
      const box = (await copy.boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(360)
      await saveScreenshot(page, shot)
    } finally {
      await story.close()
    }
  })
})

describe('the account menu in Chromium', () => {
  it('opens inside the viewport near the left edge and closes on a click outside', async () => {
    for (const width of [1100, 360]) {
      const story = await openStory(storybook, 'components-hasloginbutton--account-menu', { viewport: { width, height: 700 } })
      const { page } = story
      try {
        const menu = page.locator('.has-menu')
        await menu.waitFor()
        const box = (await menu.boundingBox())!
        expect([width, box.x >= 0, box.x + box.width <= width]).toEqual([width, true, true])
        await saveScreenshot(page, `account-menu-${width}`)
        await page.mouse.click(width - 20, 650)
        await menu.waitFor({ state: 'detached' })
        expect(await page.getByRole('button', { name: 'Account menu for @bob' }).getAttribute('aria-expanded')).toBe('false')
      } finally {
        await story.close()
      }
    }
  })

  it('logging out one account keeps focus on the account button; logging out of all puts it on "Log in"', async () => {
    const story = await openStory(storybook, 'components-hasloginbutton--logged-in', { viewport: { width: 1100, height: 700 } })
    const { page } = story
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent)
    try {
      await page.getByRole('button', { name: 'Account menu for @alice' }).click()
      await page.getByRole('menuitem', { name: 'Add account' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('Hive account').fill('bob')
      await dialog.getByRole('button', { name: 'Continue', exact: true }).click()
      await page.getByRole('button', { name: 'Scan the login code' }).click()
      await page.getByRole('listitem', { name: 'Login for @bob' }).getByRole('button', { name: 'Approve' }).click()
      await dialog.waitFor({ state: 'detached' })
      expect(await focused()).toBe('Account menu for @bob')

      await page.getByRole('button', { name: 'Account menu for @bob' }).click()
      await page.getByRole('menuitem', { name: 'Log out @bob' }).click()
      await expect.poll(focused).toBe('Account menu for @alice')
      await page.getByRole('button', { name: 'Account menu for @alice' }).click()
      await page.getByRole('menuitem', { name: 'Log out @alice' }).click()
      await expect.poll(focused).toBe('Log in with HiveAuth')
      expect(story.errors).toEqual([])
    } finally {
      await story.close()
    }
  })
})

describe('a returning user in Chromium', () => {
  it('sees a placeholder, never "Log in", while the stored session is restored after a reload', async () => {
    const story = await openStory(storybook, 'components-hasloginbutton--returning-user')
    const { page } = story
    try {
      await page.getByRole('button', { name: 'Log in with HiveAuth' }).click()
      await page.getByRole('dialog').getByLabel('Hive account').fill('alice')
      await page.getByRole('dialog').getByRole('button', { name: 'Continue' }).click()
      await page.getByRole('button', { name: 'Scan the login code' }).click()
      await page.getByRole('button', { name: 'Account menu for @alice' }).waitFor()

      // From the first byte of the reloaded page on, note every login button and placeholder that appears.
      await page.addInitScript(() => {
        const seen: string[] = []
        ;(window as unknown as { __seen: string[] }).__seen = seen
        new MutationObserver((mutations) => {
          for (const m of mutations)
            for (const node of m.addedNodes)
              if (node instanceof Element)
                for (const el of [node, ...node.querySelectorAll('[data-has]')])
                  if (el.matches('.has-button, .has-account')) seen.push(`${el.tagName} ${el.className} ${el.textContent}`)
        }).observe(document, { subtree: true, childList: true })
      })
      await page.reload()
      await page.getByRole('button', { name: 'Account menu for @alice' }).waitFor()
      const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)
      expect(seen.filter((s) => s.startsWith('BUTTON') && s.includes('Log in with HiveAuth'))).toEqual([])
      expect(seen.some((s) => s.includes('has-button--placeholder'))).toBe(true)
    } finally {
      await story.close()
    }
  })
})
