import { describe, expectTypeOf, it } from 'vitest'
import type { ChallengeResult, DecryptResult } from '../../src/core/actions/challenge'
import type { SignResult } from '../../src/core/actions/sign'
import type { HasSession, PendingRequest } from '../../src/core/types'
import type { HasErrorType } from '../../src/core/errors/HasErrorType'
import type { HasNotAuthenticatedError } from '../../src/core/errors/HasNotAuthenticatedError'
import type { HasRejectedError } from '../../src/core/errors/HasRejectedError'
import type { RequestStatus } from '../../src/core/machine/request'
import type { ChallengeVariables } from '../../src/query/challenge'
import type { SessionRequestErrorType } from '../../src/query/errorTypes'
import type { SignVariables } from '../../src/query/sign'
import type { UseHasChallengeResult } from '../../src/react/hooks/useHasChallenge'
import type { UseHasSignResult } from '../../src/react/hooks/useHasSign'
import type { UseHiveAuthResult } from '../../src/react/hooks/useHiveAuth'

describe('hook types', () => {
  it('useHiveAuth', () => {
    expectTypeOf<UseHiveAuthResult['status']>().toEqualTypeOf<RequestStatus>()
    expectTypeOf<UseHiveAuthResult['session']>().toEqualTypeOf<HasSession | undefined>()
    expectTypeOf<UseHiveAuthResult['pending']>().toEqualTypeOf<PendingRequest | undefined>()
    expectTypeOf<UseHiveAuthResult['error']>().toEqualTypeOf<HasErrorType | undefined>()
    expectTypeOf<UseHiveAuthResult['login']>().parameter(0).toEqualTypeOf<string>()
    expectTypeOf<UseHiveAuthResult['login']>().returns.resolves.toEqualTypeOf<HasSession | undefined>()
  })

  it('useHasSign', () => {
    expectTypeOf<UseHasSignResult['data']>().toEqualTypeOf<SignResult | undefined>()
    expectTypeOf<UseHasSignResult['variables']>().toEqualTypeOf<SignVariables | undefined>()
    expectTypeOf<NonNullable<UseHasSignResult['error']>>().toEqualTypeOf<SessionRequestErrorType>()
    expectTypeOf<HasNotAuthenticatedError>().toExtend<SessionRequestErrorType>()
    expectTypeOf<HasRejectedError>().toExtend<SessionRequestErrorType>()
    expectTypeOf<SignVariables['keyType']>().toEqualTypeOf<'posting' | 'active'>()
    expectTypeOf<SignVariables>().toHaveProperty('account').toEqualTypeOf<string | undefined>()
  })

  it('useHasChallenge', () => {
    expectTypeOf<UseHasChallengeResult['data']>().toEqualTypeOf<ChallengeResult | DecryptResult | undefined>()
    expectTypeOf<UseHasChallengeResult['variables']>().toEqualTypeOf<ChallengeVariables | undefined>()
    expectTypeOf<ChallengeVariables['keyType']>().toEqualTypeOf<'posting' | 'active' | 'memo'>()
  })
})

describe('error types', () => {
  it('narrow by code and by name, to the class and its own fields', () => {
    const describe = (error: HasErrorType) => {
      switch (error.code) {
        case 'rejected':
          return error.verified
        case 'failed':
          return error.source
        default:
          // @ts-expect-error `verified` belongs to HasRejectedError only
          return error.verified
      }
    }
    expectTypeOf(describe).parameter(0).toEqualTypeOf<HasErrorType>()
    const byName = (error: SessionRequestErrorType) => (error.name === 'HasRejectedError' ? error.verified : undefined)
    expectTypeOf(byName).returns.toEqualTypeOf<boolean | undefined>()
    expectTypeOf<Extract<HasErrorType, { code: 'rejected' }>>().toEqualTypeOf<HasRejectedError>()
  })

  it('request hooks take wagmi-style parameters and expose the id of their request', () => {
    expectTypeOf<UseHasSignResult['requestId']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<UseHiveAuthResult['requestId']>().toEqualTypeOf<number | undefined>()
  })
})
