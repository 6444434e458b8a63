import { describe, expect, it } from 'vitest'
import { describeFrame } from '../../src/devkit/describeFrame'

describe('describeFrame', () => {
  it('elides encrypted fields, auth_key and pok, and keeps the rest', () => {
    const line = describeFrame(JSON.stringify({ cmd: 'auth_req', account: 'alice', data: 'U2FsdGVkX1+abc=', auth_key: 'U2FsdGVkX1x', pok: '#abc' }))
    expect(JSON.parse(line)).toEqual({
      cmd: 'auth_req',
      account: 'alice',
      data: '<encrypted 15 chars>',
      auth_key: '<encrypted 11 chars>',
      pok: '<encrypted 4 chars>',
    })
  })
  it('elides proofs of key nested in a registration (v1 pok and v0.8 challenge)', () => {
    const memo = `#${'5qPeaTbWPBWucYK5VaMMbye3vLNBJ3xoeHeXRGDKFhHehGG1SBoDdB48Zwj1sWRk'}`
    const line = describeFrame(
      JSON.stringify({
        cmd: 'register_req',
        app: 'x',
        accounts: [
          { name: 'alice', pok: memo },
          { name: 'bob', key_type: 'memo', challenge: memo },
        ],
      }),
    )
    expect(JSON.parse(line)).toEqual({
      cmd: 'register_req',
      app: 'x',
      accounts: [
        { name: 'alice', pok: `<encrypted ${memo.length} chars>` },
        { name: 'bob', key_type: 'memo', challenge: `<encrypted ${memo.length} chars>` },
      ],
    })
    expect(line).not.toContain('5qPea')
  })

  it('summarises non-JSON and long frames', () => {
    expect(describeFrame('{oops')).toBe('<non-JSON frame, 5 chars>')
    expect(describeFrame(JSON.stringify({ cmd: 'x', data: 'y'.repeat(1000) }))).toMatch(/… \(\d+ chars\)$/)
  })
})
