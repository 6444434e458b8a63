import { describe, expect, it } from 'vitest'
import { serveBuiltStorybook } from './support/builtStorybook'
import { openStory, saveScreenshot } from './support/storyPage'

// The user's language by default, in a real browser: the page names no language, and the browser's (Chromium's
// `locale`, which sets navigator.languages) picks the modal's; Arabic lays it out right to left.

const storybook = serveBuiltStorybook()

describe('the browser’s language picks the modal’s', () => {
  it.each([
    { locale: 'de-DE', title: 'Mit HiveAuth anmelden', dir: 'ltr' },
    { locale: 'ar-EG', title: 'تسجيل الدخول عبر HiveAuth', dir: 'rtl' },
    { locale: 'en-US', title: 'Log in with HiveAuth', dir: 'ltr' },
  ])('$locale: "$title", $dir', async ({ locale, title, dir }) => {
    const story = await openStory(storybook, 'languages-login-modal--browser-language', { locale })
    try {
      expect([await story.status(), story.errors]).toEqual(['success', []])
      const dialog = story.page.getByRole('dialog', { name: title })
      await dialog.waitFor()
      expect(await story.page.locator('dialog[data-has]').getAttribute('dir')).toBe(dir)
      await saveScreenshot(story.page, `browser-language-${locale}`)
    } finally {
      await story.close()
    }
  })
})
