import { describe, expect, it } from 'vitest'
import { parseAuthLink } from '../../src/core/protocol/links'
import { serveBuiltStorybook } from './support/builtStorybook'
import { decodeQrOnScreen, openStory, saveScreenshot } from './support/storyPage'

const storybook = serveBuiltStorybook()

describe('Demo/Login in Chromium', () => {
  it('logs in with the simulated wallet: button → modal → QR that decodes to the link → wallet panel → logged in', async () => {
    const story = await openStory(storybook, 'demo-login--default')
    const { page } = story
    try {
      await page.getByRole('button', { name: 'Log in with HiveAuth' }).click()
      const dialog = page.getByRole('dialog', { name: 'Log in with HiveAuth' })
      await dialog.waitFor()
      expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true)
      // focus starts in the account field
      expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('username')
      await saveScreenshot(page, 'login-1-account')

      await page.keyboard.type('Alice')
      await page.keyboard.press('Enter')
      const open = dialog.getByRole('link', { name: 'Open in wallet' })
      await open.waitFor()
      const link = (await open.getAttribute('href'))!
      expect(parseAuthLink(link)).toMatchObject({ account: 'alice' })
      expect(await decodeQrOnScreen(page, dialog.locator('.has-qr svg'))).toBe(link)
      expect(await dialog.getAttribute('data-status')).toBe('waiting')
      expect(await dialog.getByText(/^\d+s left$/).textContent()).toMatch(/^(5\d|60)s left$/)
      await saveScreenshot(page, 'login-2-waiting')

      // the wallet panel stays usable beside the modal
      await page.getByRole('button', { name: 'Scan the login code' }).click()
      const request = page.getByRole('listitem', { name: 'Login for @alice' })
      await request.getByRole('button', { name: 'Approve' }).click()
      // approved: the modal closes by itself and focus lands on the account button
      await dialog.waitFor({ state: 'detached' })
      const account = page.getByRole('button', { name: 'Account menu for @alice' })
      expect(await account.evaluate((button) => button === document.activeElement)).toBe(true)
      await saveScreenshot(page, 'login-3-logged-in')

      // signing after login shows what is signed, then the transaction id
      await page.getByRole('button', { name: 'Upvote @hiveio/welcome' }).click()
      const prompt = page.getByRole('dialog', { name: 'Approve the transaction in your wallet' })
      await prompt.getByText('With your posting key').waitFor()
      await page.getByRole('listitem', { name: 'Sign with the posting key for @alice' }).getByRole('button', { name: 'Approve' }).click()
      const done = page.getByRole('dialog', { name: 'Transaction approved' })
      expect(await done.getByRole('figure', { name: 'Transaction id' }).locator('code').textContent()).toMatch(/^[0-9a-f]{40}$/)
      await saveScreenshot(page, 'login-4-signed')
      expect(story.errors).toEqual([])
    } finally {
      await story.close()
    }
  })

  it('traps focus in the modal, closes on Escape, cancels the request and gives focus back to the button', async () => {
    const story = await openStory(storybook, 'demo-login--default')
    const { page } = story
    try {
      const trigger = page.getByRole('button', { name: 'Log in with HiveAuth' })
      await trigger.focus()
      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog', { name: 'Log in with HiveAuth' })
      await dialog.waitFor()
      await page.keyboard.type('bob')
      await page.keyboard.press('Enter')
      await dialog.getByRole('link', { name: 'Open in wallet' }).waitFor()
      const visited: { inside: boolean; name: string }[] = []
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press(i < 15 ? 'Tab' : 'Shift+Tab')
        visited.push(
          await page.evaluate(() => {
            const active = document.activeElement
            return { inside: !!active?.closest('dialog'), name: `${active?.tagName} ${active?.textContent?.trim().slice(0, 30)}` }
          }),
        )
      }
      expect(visited.filter((v) => !v.inside)).toEqual([])
      // it went round: the modal's own controls (close, open, copy, cancel) and the wallet panel shown inside it
      expect(new Set(visited.map((v) => v.name)).size).toBeGreaterThanOrEqual(5)

      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })
      expect(await trigger.evaluate((button) => button === document.activeElement)).toBe(true)
      // the request was cancelled: opening again starts over at the account step
      await page.keyboard.press('Enter')
      await page.getByRole('dialog').getByLabel('Hive account').waitFor()
      expect(story.errors).toEqual([])
    } finally {
      await story.close()
    }
  })
})
