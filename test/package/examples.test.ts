import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

describe('examples', () => {
  it('service mode: logs in without a QR code, votes, and explains the silence of an active-key request', () => {
    expect(existsSync('dist/core.js'), 'run "npm run build" first (npm test does)').toBe(true)
    const out = execFileSync(process.execPath, ['examples/service-mode/index.mjs'], { encoding: 'utf8' })
    expect(out).toMatch(/^logged in as @alice until \d{4}-/m)
    expect(out).toMatch(/^voted: transaction [0-9a-f]{40}$/m)
    expect(out).toMatch(/^active-key transfer: expired \(service_mode\): .*active key/m)
  })
})
