import type { RequestStatus } from '../machine/request.js'
import type { SettledRequest } from '../types.js'
import { errorForOutcome } from './errorForOutcome.js'
import type { EventPayload, LiveRequest } from './liveRequest.js'

/** How a request ended: an approval's value, or the error the event carried (else one for the status reached). */
export function settledOf(request: LiveRequest, status: RequestStatus, payload: EventPayload): SettledRequest {
  const settled: SettledRequest = {
    id: request.id,
    kind: request.spec.kind,
    account: request.spec.account,
    status: status as SettledRequest['status'],
  }
  if (status === 'approved' && 'value' in payload) settled.result = payload.value
  else settled.error = 'error' in payload ? payload.error : errorForOutcome(status, request)
  return settled
}
