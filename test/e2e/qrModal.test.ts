import { describe, expect, it } from 'vitest'
import { serveBuiltStorybook } from './support/builtStorybook'
import { axeViolations, decodeQrOnScreen, openStory, saveScreenshot } from './support/storyPage'

const storybook = serveBuiltStorybook()

describe('HasQrModal in Chromium', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme} theme: axe finds no violation (contrast included) and the QR code still decodes`, async () => {
      const story = await openStory(storybook, 'components-hasqrmodal--waiting', { globals: `theme:${theme}`, colorScheme: theme })
      const { page } = story
      try {
        expect(await story.status()).toBe('success')
        const dialog = page.getByRole('dialog')
        expect(await dialog.getAttribute('data-has-theme')).toBe(theme)
        expect(await axeViolations(page, 'dialog[data-has]')).toEqual([])
        const link = await dialog.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')
        expect(await decodeQrOnScreen(page, dialog.locator('.has-qr svg'))).toBe(link)
        await saveScreenshot(page, `modal-waiting-${theme}`)
      } finally {
        await story.close()
      }
    })
  }

  it('with a centre logo (qrLogo) the QR code is level M and still decodes to the link', async () => {
    const story = await openStory(storybook, 'components-hasqrmodal--with-logo')
    const { page } = story
    try {
      expect([await story.status(), story.errors]).toEqual(['success', []])
      const dialog = page.getByRole('dialog')
      expect(await dialog.locator('.has-qr svg image').count()).toBe(1)
      const link = await dialog.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')
      expect(await decodeQrOnScreen(page, dialog.locator('.has-qr svg'))).toBe(link)
      await saveScreenshot(page, 'modal-waiting-logo')
    } finally {
      await story.close()
    }
  })

  it('"system" follows the operating system', async () => {
    const story = await openStory(storybook, 'components-hasqrmodal--waiting', { globals: 'theme:system', colorScheme: 'dark' })
    try {
      const background = await story.page.locator('.has-dialog__panel').evaluate((panel) => getComputedStyle(panel).backgroundColor)
      const [r, g, b] = background.match(/\d+/g)!.map(Number)
      expect(r! + g! + b!).toBeLessThan(150) // a dark panel
      expect(await axeViolations(story.page, 'dialog[data-has]')).toEqual([])
    } finally {
      await story.close()
    }
  })

  it('on a phone, "Open in wallet" comes before the QR code', async () => {
    const story = await openStory(storybook, 'components-hasqrmodal--phone', {
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    const { page } = story
    try {
      const dialog = page.getByRole('dialog')
      const open = await dialog.getByRole('link', { name: 'Open in wallet' }).boundingBox()
      expect(open!.y + open!.height).toBeLessThan(740)
      expect(await dialog.locator('.has-qr').count()).toBe(0) // folded: a phone opens the link, a second device scans
      await dialog.getByRole('button', { name: 'Show the QR code' }).tap()
      const link = await dialog.getByRole('link', { name: 'Open in wallet' }).boundingBox()
      const qr = await dialog.locator('.has-qr').boundingBox()
      expect(link && qr && link.y + link.height <= qr.y).toBe(true)
      await saveScreenshot(page, 'modal-waiting-phone')
    } finally {
      await story.close()
    }
  })

  it('on a desktop, the QR code comes first', async () => {
    const story = await openStory(storybook, 'components-hasqrmodal--waiting')
    try {
      const dialog = story.page.getByRole('dialog')
      const open = await dialog.getByRole('link', { name: 'Open in wallet' }).boundingBox()
      const qr = await dialog.locator('.has-qr').boundingBox()
      expect(open && qr && qr.y + qr.height <= open.y).toBe(true)
    } finally {
      await story.close()
    }
  })
})
