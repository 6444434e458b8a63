import { describe, expect, it } from 'vitest'
import { parseAppMessage } from '../../../src/core/protocol/parseAppMessage'

const parse = (v: unknown) => parseAppMessage(typeof v === 'string' ? v : JSON.stringify(v))

describe('parseAppMessage', () => {
  it('reads the frames a relay sends, dropping unknown fields such as pok', () => {
    expect(parse({ cmd: 'connected', timeout: 60, protocol: 1, version: 'x', server: 's' })).toEqual({
      cmd: 'connected',
      timeout: 60,
      protocol: 1,
      version: 'x',
    })
    expect(parse({ cmd: 'connected', protocol: '0.8' })).toMatchObject({ protocol: 0.8, timeout: undefined })
    expect(parse({ cmd: 'auth_wait', uuid: 'u', expire: 5, account: 'a' })).toEqual({ cmd: 'auth_wait', uuid: 'u', expire: 5, account: 'a' })
    expect(parse({ cmd: 'auth_ack', uuid: 'u', data: 'd', pok: 'p' })).toEqual({ cmd: 'auth_ack', uuid: 'u', data: 'd' })
    expect(parse({ cmd: 'sign_ack', uuid: 'u', data: 'txid' })).toEqual({ cmd: 'sign_ack', uuid: 'u', data: 'txid', broadcast: undefined })
    expect(parse({ cmd: 'sign_ack', uuid: 'u', broadcast: false, data: { operations: [] } })).toMatchObject({
      broadcast: false,
      data: { operations: [] },
    })
    expect(parse({ cmd: 'sign_nack', uuid: 'u', error: 'no' })).toEqual({ cmd: 'sign_nack', uuid: 'u', data: undefined, error: 'no' })
    expect(parse({ cmd: 'error', error: 'x' })).toEqual({ cmd: 'error', error: 'x' })
    expect(parse({ cmd: 'attach_nack', uuid: 'u' })).toEqual({ cmd: 'attach_nack', uuid: 'u' })
  })

  it.each([
    ['binary', new Uint8Array([1, 2])],
    ['non-JSON', 'hello'],
    ['JSON null', 'null'],
    ['an array', '[{"cmd":"auth_ack"}]'],
    ['no cmd', '{"uuid":"u"}'],
    ['unknown cmd', '{"cmd":"hello","uuid":"u"}'],
    ['ack without uuid', '{"cmd":"auth_ack","data":"d"}'],
    ['ack with numeric data', '{"cmd":"auth_ack","uuid":"u","data":5}'],
    ['sign_ack with null data', '{"cmd":"sign_ack","uuid":"u","data":null}'],
    ['wait with object uuid', '{"cmd":"sign_wait","uuid":{}}'],
    ['huge frame', JSON.stringify({ cmd: 'auth_ack', uuid: 'u', data: 'x'.repeat(300_000) })],
  ])('ignores %s', (_n, raw) => {
    expect(parseAppMessage(raw)).toBeUndefined()
  })

  it('drops nonsense values instead of passing them on', () => {
    expect(parse({ cmd: 'connected', timeout: -1, protocol: 'one' })).toEqual({
      cmd: 'connected',
      timeout: undefined,
      protocol: undefined,
      version: undefined,
    })
    expect(parse({ cmd: 'auth_wait', uuid: 'u', expire: 'soon' })).toMatchObject({ expire: undefined })
    expect(parse({ cmd: 'auth_err', uuid: 'u', error: { nested: true } })).toEqual({ cmd: 'auth_err', uuid: 'u', error: undefined })
  })
})
