import { enLabels, type HasLabels } from '../../src/components/i18n/en'

const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  y: 'ý',
  s: 'š',
  z: 'ž',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ø',
  U: 'Û',
  C: 'Ç',
  N: 'Ñ',
  Y: 'Ý',
  S: 'Š',
  Z: 'Ž',
}

/**
 * English made longer (about 40 %, as German or Finnish often are) and accented, in brackets: text that is cut off,
 * overflows or was never translated shows at a glance. `{placeholders}` are kept as they are.
 */
export function pseudoLocalize(labels: HasLabels = enLabels): HasLabels {
  const entries = Object.entries(labels).map(([key, value]) => {
    if (key === 'dir' || key === 'locale') return [key, value]
    const accented = value
      .split(/(\{\w+\})/)
      .map((part) => (part.startsWith('{') ? part : part.replace(/[a-zA-Z]/g, (ch) => ACCENTED[ch] ?? ch)))
      .join('')
    const padding = '~'.repeat(Math.ceil(value.length * 0.4))
    return [key, `[${accented} ${padding}]`]
  })
  return Object.fromEntries(entries) as HasLabels
}
