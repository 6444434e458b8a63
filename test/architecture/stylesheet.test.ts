import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const css = readFileSync(new URL('../../src/components/styles.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')

/** Every `selector { declarations }` block, with the at-rule preludes and keyframe steps left out. */
function rules(): { selectors: string[]; body: string }[] {
  const found: { selectors: string[]; body: string }[] = []
  for (const match of css.matchAll(/([^{};]+)\{([^{}]*)\}/g)) {
    const prelude = match[1]!.trim()
    if (/^(to|from|\d+%)$/.test(prelude)) continue
    found.push({ selectors: prelude.split(',').map((s) => s.trim()), body: match[2]! })
  }
  return found
}

describe('the stylesheet', () => {
  it('scopes every selector under [data-has], so it never styles the host app', () => {
    const all = rules().flatMap((r) => r.selectors)
    expect(all.length).toBeGreaterThan(60)
    expect(all.filter((s) => !s.includes('[data-has]'))).toEqual([])
  })

  it('uses logical properties only, so right-to-left languages lay out mirrored', () => {
    const physical = rules().flatMap(({ body }) =>
      body
        .split(';')
        .map((d) => d.trim())
        .filter(
          (d) =>
            /^(left|right|top|bottom|(margin|padding|border)-(left|right|top|bottom)|(min-|max-)?(width|height))\s*:/.test(d) ||
            /:\s*(left|right)\b/.test(d),
        ),
    )
    expect(physical).toEqual([])
  })
})
