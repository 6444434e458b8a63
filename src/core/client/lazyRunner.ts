import { loadAes } from '../crypto/lazyAes.js'
import { HasCancelledError } from '../errors/HasCancelledError.js'
import { HasConnectionError } from '../errors/HasConnectionError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import type { RequestKind } from '../protocol/messages.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import type { ConnectorRequestSpec, RequestSpec } from '../request/RequestSpec.js'
import type { HasRequest } from '../types.js'
import type { RequestRunner, RequestRunnerOptions } from './requestRunner.js'

/** The runner as the client uses it: the same calls, with the ids given here. */
export interface ClientRunner {
  run<R>(spec: RequestSpec<R> | ConnectorRequestSpec): HasRequest<R>
  adopt<R>(spec: RequestSpec<R>, record: RequestRecord): HasRequest<R>
  fail<R>(kind: RequestKind, account: string, error: HasErrorType): HasRequest<R>
  cancel(id?: number): void
  resume(): void
  connect(): Promise<void>
  close(): void
  /** Whether request `id` waits for the runner's code (it is in no state yet). */
  isQueued(id: number): boolean
}

interface Queued {
  start(runner: RequestRunner): HasRequest<unknown>
  resolve(value: unknown): void
  reject(error: HasErrorType): void
}

/**
 * The request runner (sockets, the request machine, the reading of answers), fetched on first use: a request, the
 * hover or open modal that preconnects, a request to re-attach after a reload. A page that never logs in never
 * downloads it. Requests started before it has loaded wait in order, with their ids, and are in no state until then;
 * once it has, every call goes straight to it (a frame still leaves in the call that starts its request).
 */
export function createLazyRunner(options: RequestRunnerOptions, load = () => import('./requestRunner.js')): ClientRunner {
  let runner: RequestRunner | undefined
  let loading: Promise<RequestRunner> | undefined
  let closed = false
  let nextId = 1
  const queued = new Map<number, Queued>()

  function ensure(): Promise<RequestRunner> {
    loading ??= load().then(
      (module) => {
        const loaded = module.createRequestRunner(options)
        runner = loaded
        if (closed) loaded.close() // closed while it loaded: it rejects whatever asks it now
        const waiting = [...queued.values()]
        queued.clear()
        for (const request of waiting) request.start(loaded).then(request.resolve, request.reject)
        return loaded
      },
      (cause: unknown) => {
        loading = undefined // a later call tries again
        const error = new HasConnectionError('The HiveAuth client code could not be loaded.', { cause, reason: 'code' })
        const waiting = [...queued.values()]
        queued.clear()
        for (const request of waiting) request.reject(error)
        throw error
      },
    )
    return loading
  }

  /** A request: started at once when the runner is here, else when it arrives. */
  function start<R>(begin: (runner: RequestRunner, id: number) => HasRequest<R>): HasRequest<R> {
    const id = nextId++
    if (runner) return begin(runner, id)
    const promise = new Promise<R>((resolve, reject) => {
      if (closed) return reject(new HasCancelledError('The client was closed.'))
      queued.set(id, { start: (loaded) => begin(loaded, id), resolve: resolve as (value: unknown) => void, reject })
      ensure().catch(() => {}) // the queued request is told
    })
    return Object.assign(promise, { id })
  }

  return {
    run(spec) {
      if ('message' in spec && spec.message) loadAes().catch(() => {}) // a HiveAuth frame needs it: fetched beside the runner, not after
      return start((loaded, id) => loaded.run(spec, id))
    },
    adopt: (spec, record) => start((loaded, id) => loaded.adopt(spec, record, id)),
    fail: (kind, account, error) => start((loaded, id) => loaded.fail(kind, account, error, id)),
    cancel(id) {
      if (runner) return runner.cancel(id)
      // Never started, so never shown: it only has to end (the wallet never saw it).
      for (const [queuedId, request] of [...queued]) {
        if (id !== undefined && queuedId !== id) continue
        queued.delete(queuedId)
        request.reject(new HasCancelledError())
      }
    },
    resume: () => runner?.resume(),
    async connect() {
      if (closed) return
      loadAes().catch(() => {}) // the runner loads it too, but after itself
      return (await ensure()).connect()
    },
    close() {
      if (closed) return
      closed = true
      runner?.close()
      for (const request of queued.values()) request.reject(new HasCancelledError('The client was closed.'))
      queued.clear()
    },
    isQueued: (id) => queued.has(id),
  }
}
