/** A bench server running in its own process. */
export interface ChildServer {
  /** Where it listens. */
  url: string
  /** Sends `question` (e.g. 'cpu', 'stats') and resolves with the child's answer. */
  ask(question: string): Promise<unknown>
  stop(): void
}

/** Forks `script` (relative to bench/) with `args`; resolves once it answered its URL. */
export function startChildServer(script: string, args?: string[]): Promise<ChildServer>
