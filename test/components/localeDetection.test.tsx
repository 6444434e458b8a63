// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { esLabels } from '../../src/components/i18n/es'
import { pickLocale } from '../../src/components/i18n/pickLocale'
import { HasUiProvider } from '../../src/components/theme/HasUiProvider'
import { HasProvider } from '../../src/react/HasProvider'
import { createReactDevkit } from '../support/reactDevkit'

// The user's language by default: the browser's languages pick one of the kit's 16 (loaded on first use, English until
// then and for English readers); a whole language in `labels`, or `locale`, overrides it; right to left follows.

let kit: ReturnType<typeof createReactDevkit> | undefined
afterEach(() => {
  cleanup()
  kit?.close()
  kit = undefined
  vi.unstubAllGlobals()
})

function browserSpeaks(...languages: string[]) {
  vi.stubGlobal('navigator', { ...navigator, language: languages[0], languages })
}

function renderButton(ui: { locale?: string; labels?: typeof esLabels } = {}) {
  kit = createReactDevkit()
  render(
    <HasProvider app={{ name: 'Languages' }} devkit={kit.devkit} storage={kit.storage}>
      <HasUiProvider {...ui}>
        <HasLoginButton avatarUrl={false} />
      </HasUiProvider>
    </HasProvider>,
  )
}

describe('the user’s language by default', () => {
  it('follows the browser: German for a German reader, after English on the very first render', async () => {
    browserSpeaks('de-DE', 'en-US')
    renderButton()
    expect(await screen.findByRole('button', { name: 'Mit HiveAuth anmelden' })).toBeTruthy()
  })

  it('the first language the kit speaks wins; right to left follows Arabic', async () => {
    browserSpeaks('sw', 'ar-EG', 'fr')
    renderButton()
    const button = await screen.findByRole('button', { name: 'تسجيل الدخول عبر HiveAuth' })
    expect(button.getAttribute('dir')).toBe('rtl')
  })

  it('an English reader stays in English and loads no language', async () => {
    browserSpeaks('en-GB', 'de')
    renderButton()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.getByRole('button', { name: 'Log in with HiveAuth' })).toBeTruthy()
  })

  it('a whole language in labels wins over the browser, and so does locale', async () => {
    browserSpeaks('de-DE')
    renderButton({ labels: esLabels })
    expect(await screen.findByRole('button', { name: esLabels.loginButton })).toBeTruthy()
    cleanup()
    kit?.close()
    renderButton({ locale: 'fr' })
    expect(await screen.findByRole('button', { name: 'Se connecter avec HiveAuth' })).toBeTruthy()
    cleanup()
    kit?.close()
    renderButton({ locale: 'en' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.getByRole('button', { name: 'Log in with HiveAuth' })).toBeTruthy()
  })
})

describe('pickLocale', () => {
  it.each([
    [['de-DE', 'en'], 'de'],
    [['en-US', 'de'], 'en'],
    [['pt-BR'], 'pt'],
    [['zh-Hant-TW'], 'zhTW'],
    [['zh-TW'], 'zhTW'],
    [['zh-HK'], 'zhTW'],
    [['zh-CN'], 'zh'],
    [['zh-Hans'], 'zh'],
    [['sw', 'fr-CA'], 'fr'],
    [['xx'], undefined],
    [['english'], undefined],
  ] as const)('%j → %s', (languages, locale) => {
    expect(pickLocale(languages)).toBe(locale)
  })
})
