/** The channel on which HiveSigner's callback page hands its answer to the tab that started the login. */
export const HIVESIGNER_CHANNEL = 'hive-auth-react/hivesigner'

/** What HiveSigner put in the callback page's address. */
export interface HiveSignerCallback {
  state: string
  access_token?: string
  username?: string
  expires_in?: string
  error?: string
}

/**
 * Run this on the page HiveSigner sends the user back to (your `callbackUrl`): it hands the answer to the tab that
 * started the login (BroadcastChannel, same origin), then closes this window. Returns what it handed over, or
 * undefined when the address holds no HiveSigner answer.
 */
export function completeHiveSignerLogin(location: { search: string } = globalThis.location): HiveSignerCallback | undefined {
  const answer = readHiveSignerCallback(location.search)
  if (!answer) return undefined
  handOverHiveSignerAnswer(answer)
  if (typeof window !== 'undefined' && window.opener) window.close()
  return answer
}

/** HiveSigner's answer in a callback page's query, or undefined when it holds none. */
export function readHiveSignerCallback(search: string): HiveSignerCallback | undefined {
  const query = new URLSearchParams(search)
  const state = query.get('state')
  if (!state) return undefined
  const answer: HiveSignerCallback = { state }
  for (const field of ['access_token', 'username', 'expires_in', 'error'] as const) {
    const value = query.get(field)
    if (value !== null) answer[field] = value.slice(0, 4096)
  }
  return answer
}

/** Hands an answer to the tab that started the login (BroadcastChannel, same origin). */
export function handOverHiveSignerAnswer(answer: HiveSignerCallback): void {
  const channel = new BroadcastChannel(HIVESIGNER_CHANNEL)
  channel.postMessage(answer)
  channel.close()
}
