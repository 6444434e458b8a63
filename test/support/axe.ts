import axe from 'axe-core'
import { expect } from 'vitest'

/** Runs axe on an element and fails with the violations listed. Colour contrast is left to the real-browser tests (jsdom has no layout). */
export async function expectNoAxeViolations(element: Element) {
  const result = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } })
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}
