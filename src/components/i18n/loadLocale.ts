import type { HasLabels } from './en.js'
import { type HasLocale, pickLocale } from './pickLocale.js'
import '../firstLoadShared.js'

// Each language's labels, loaded on first use: a page shows only the one its user reads.
const LOADERS: Record<Exclude<HasLocale, 'en'>, () => Promise<HasLabels>> = {
  ar: () => import('./ar.js').then((m) => m.arLabels),
  de: () => import('./de.js').then((m) => m.deLabels),
  es: () => import('./es.js').then((m) => m.esLabels),
  fr: () => import('./fr.js').then((m) => m.frLabels),
  hi: () => import('./hi.js').then((m) => m.hiLabels),
  id: () => import('./id.js').then((m) => m.idLabels),
  it: () => import('./it.js').then((m) => m.itLabels),
  ja: () => import('./ja.js').then((m) => m.jaLabels),
  ko: () => import('./ko.js').then((m) => m.koLabels),
  pl: () => import('./pl.js').then((m) => m.plLabels),
  pt: () => import('./pt.js').then((m) => m.ptLabels),
  ru: () => import('./ru.js').then((m) => m.ruLabels),
  tr: () => import('./tr.js').then((m) => m.trLabels),
  zh: () => import('./zh.js').then((m) => m.zhLabels),
  zhTW: () => import('./zhTW.js').then((m) => m.zhTWLabels),
}

/** The labels of the first of `languages` (BCP 47 tags, most wanted first) the kit speaks; undefined for English. */
export async function labelsFor(languages: readonly string[]): Promise<HasLabels | undefined> {
  const locale = pickLocale(languages)
  return locale && locale !== 'en' ? LOADERS[locale]() : undefined
}
