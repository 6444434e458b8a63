// A bench server in its own process, so that what it spends is not measured on the bench's event loop (and the
// reverse). The script answers its URL over IPC once it listens, then one message per question it is sent.
import { fork } from 'node:child_process'

/** Forks `script` (relative to bench/) with `args`; resolves once it answered its URL. */
export async function startChildServer(script, args = []) {
  const child = fork(new URL(script, import.meta.url), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const { url } = await new Promise((resolve) => child.once('message', resolve))
  /** Sends `question` (e.g. 'cpu', 'stats') and resolves with the child's answer. */
  const ask = (question) =>
    new Promise((resolve) => {
      child.once('message', resolve)
      child.send(question)
    })
  return { url, ask, stop: () => void child.kill() }
}
