/** The languages the kit speaks, by the file of their labels (Traditional Chinese is `zhTW`). */
export type HasLocale = 'ar' | 'de' | 'en' | 'es' | 'fr' | 'hi' | 'id' | 'it' | 'ja' | 'ko' | 'pl' | 'pt' | 'ru' | 'tr' | 'zh' | 'zhTW'

const SPOKEN = /^(ar|de|en|es|fr|hi|id|it|ja|ko|pl|pt|ru|tr|zh)(?:$|-)/i
const TRADITIONAL = /^zh-(?:hant|tw|hk|mo)(?:$|-)/i

/** The first of `languages` (BCP 47 tags, most wanted first, as `navigator.languages`) the kit speaks, if any. */
export function pickLocale(languages: readonly string[]): HasLocale | undefined {
  for (const tag of languages) {
    const spoken = SPOKEN.exec(tag)?.[1]?.toLowerCase()
    if (spoken) return spoken === 'zh' && TRADITIONAL.test(tag) ? 'zhTW' : (spoken as HasLocale)
  }
  return undefined
}
