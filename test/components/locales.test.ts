import { describe, expect, it } from 'vitest'
import { HasCancelledError } from '../../src/core/errors/HasCancelledError'
import { HasConnectionError } from '../../src/core/errors/HasConnectionError'
import { HasDecryptionError } from '../../src/core/errors/HasDecryptionError'
import type { HasErrorType } from '../../src/core/errors/HasErrorType'
import { HasExpiredError } from '../../src/core/errors/HasExpiredError'
import { HasFailedError } from '../../src/core/errors/HasFailedError'
import { HasInvalidArgumentError } from '../../src/core/errors/HasInvalidArgumentError'
import { HasNotAuthenticatedError } from '../../src/core/errors/HasNotAuthenticatedError'
import { HasProtocolError } from '../../src/core/errors/HasProtocolError'
import { HasProtocolVersionError } from '../../src/core/errors/HasProtocolVersionError'
import { HasRejectedError } from '../../src/core/errors/HasRejectedError'
import { HasSessionExpiredError } from '../../src/core/errors/HasSessionExpiredError'
import { HasStorageError } from '../../src/core/errors/HasStorageError'
import { HasVerificationError } from '../../src/core/errors/HasVerificationError'
import * as kit from '../../src/exports/locales'
import { enLabels, type HasLabels } from '../../src/components/i18n/en'
import { errorText } from '../../src/components/i18n/errorText'

const locales = Object.entries(kit).filter(([name]) => /^[a-z]{2}(?:[A-Z]{2})?Labels$/.test(name)) as [string, HasLabels][]
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

/** One error of every code, and of every variant the UI words differently. */
const everyError: HasErrorType[] = [
  new HasRejectedError(true),
  new HasCancelledError(),
  new HasExpiredError(),
  new HasExpiredError(undefined, { hint: 'sign_only' }),
  new HasExpiredError(undefined, { hint: 'service_mode' }),
  new HasExpiredError(undefined, { hint: 'missing_key', keyType: 'active' }),
  new HasFailedError('wallet'),
  new HasFailedError('relay'),
  new HasFailedError('wallet', undefined, { reason: 'chain' }),
  new HasFailedError('wallet', undefined, { reason: 'unsupported' }),
  new HasFailedError('wallet', undefined, { reason: 'missing_key', keyType: 'posting' }),
  new HasConnectionError(),
  new HasConnectionError(undefined, { reason: 'code' }),
  new HasConnectionError(undefined, { reason: 'nodes' }),
  new HasProtocolError(),
  new HasProtocolVersionError(),
  new HasNotAuthenticatedError(),
  new HasSessionExpiredError(),
  new HasInvalidArgumentError(),
  new HasDecryptionError(),
  new HasStorageError(),
  new HasVerificationError(),
  new HasVerificationError(undefined, { reason: 'server' }),
  new HasVerificationError(undefined, { reason: 'nodes' }),
  new HasVerificationError(undefined, { reason: 'timeout' }),
]

describe('locales', () => {
  it('ships at least 16 languages from hive-auth-react/locales, one of them right-to-left', () => {
    expect(locales.length).toBeGreaterThanOrEqual(16)
    expect(locales.filter(([, labels]) => labels.dir === 'rtl').map(([name]) => name)).toEqual(['arLabels'])
  })

  it.each(locales)('%s fills the same placeholders as English in every label', (_, labels) => {
    for (const key of Object.keys(enLabels) as (keyof HasLabels)[]) {
      expect([key, placeholders(labels[key])]).toEqual([key, placeholders(enLabels[key])])
    }
  })

  it('tells a connection error by what could not be reached: the relay, the Hive nodes, or a part of the page', () => {
    expect(errorText(new HasConnectionError(), enLabels)).toBe(enLabels.errorConnection)
    expect(errorText(new HasConnectionError(undefined, { reason: 'nodes' }), enLabels)).toMatch(/^Could not reach the Hive blockchain\./)
    expect(errorText(new HasConnectionError(undefined, { reason: 'code' }), enLabels)).toMatch(/^Part of this page could not be loaded\./)
  })

  it('covers every error code: one label each, never the core’s English message', () => {
    const codes = new Set(everyError.map((e) => e.code))
    expect(codes.size).toBe(13) // every member of HasErrorType
    for (const error of everyError) {
      const english = errorText(error, enLabels, 'alice')
      expect(english).not.toBe(error.shortMessage)
      for (const [name, labels] of locales) {
        if (name === 'enLabels') continue
        expect([name, error.code, errorText(error, labels, 'alice')]).not.toEqual([name, error.code, english])
      }
    }
  })
})
