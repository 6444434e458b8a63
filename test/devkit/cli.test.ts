import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { confirmTransaction } from '../../src/core/chain/confirmTransaction'
import { createHasClient } from '../../src/core/client/createHasClient'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { authenticate } from '../../src/core/actions/authenticate'
import { sign } from '../../src/core/actions/sign'

const CLI = 'dist/cli.js'
let child: ChildProcessWithoutNullStreams | undefined
let output = ''

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`)
})
afterEach(() => {
  child?.kill('SIGTERM')
  child = undefined
})

async function startCli(...args: string[]): Promise<string> {
  output = ''
  child = spawn(process.execPath, [CLI, '--port', '0', ...args])
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d))
  const start = Date.now()
  while (!/relay on (ws:\/\/127\.0\.0\.1:\d+)/.test(output)) {
    if (Date.now() - start > 10_000) throw new Error(`CLI did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 20))
  }
  return output.match(/relay on (ws:\/\/127\.0\.0\.1:\d+)/)![1]!
}

/** POSTs a link to the CLI's /scan as curl would (node:http, so even `host` is sent as given): its status and body. */
function postScan(url: string, link: string, headers: Record<string, string> = { 'x-hive-auth-devkit': '1' }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(`${url.replace('ws://', 'http://')}/scan`, { method: 'POST', headers }, (response) => {
      let body = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on('error', reject)
    request.end(link)
  })
}

describe('hive-auth-devkit CLI', () => {
  it('scans a link posted to /scan, and logs frames with encrypted fields elided', async () => {
    const url = await startCli('--accounts', 'alice,carol')
    const client = createHasClient({ app: { name: 'CLI test' }, hosts: [url], storage: createMemoryStorage() })
    const session = await authenticate(client, {
      account: 'carol',
      onWait: (p) => void postScan(url, p.deepLink),
    })
    client.close()
    expect(session.account).toBe('carol')
    expect(output).toContain('"cmd":"auth_req"')
    expect(output).toMatch(/"data":"<encrypted \d+ chars>"/)
    expect(output).not.toContain(session.key)
    expect(output).not.toContain('U2FsdGVkX1')
  })

  it('serves a Hive node for its accounts at /rpc: a verified login checks out against it', async () => {
    const url = await startCli('--accounts', 'alice', '--quiet')
    const rpc = `${url.replace('ws://', 'http://')}/rpc`
    const client = createHasClient({ app: { name: 'CLI test' }, hosts: [url], storage: createMemoryStorage(), chain: { nodes: [rpc] } })
    const session = await authenticate(client, {
      account: 'alice',
      verify: true,
      onWait: (p) => void postScan(url, p.deepLink),
    })
    const { txid } = await sign(client, {
      account: 'alice',
      keyType: 'posting',
      ops: [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 1 }]],
    })
    client.close()
    expect(session.verified).toBe(true)
    await expect(confirmTransaction({ txid: txid!, nodes: [rpc] })).resolves.toMatchObject({ confirmed: true })
  })

  it('refuses what a web page could send to /scan: no devkit header, another site, a rebound host name, an opaque origin', async () => {
    const url = await startCli('--accounts', 'alice', '--quiet')
    const client = createHasClient({ app: { name: 'CLI test' }, hosts: [url], storage: createMemoryStorage() })
    let link = ''
    const login = authenticate(client, { account: 'alice', onWait: (p) => void (link = p.deepLink) }).catch((e: { code: string }) => e.code)
    while (!link) await new Promise((r) => setTimeout(r, 10))
    const evil = { 'content-type': 'text/plain', origin: 'https://evil.example' }
    const attempts = [
      await postScan(url, link, { 'content-type': 'text/plain' }), // a form or no-cors fetch: no custom header
      await postScan(url, link, { ...evil, 'x-hive-auth-devkit': '1' }),
      await postScan(url, link, { 'x-hive-auth-devkit': '1', host: 'evil.example' }),
      await postScan(url, link, { 'x-hive-auth-devkit': '1', origin: 'null' }),
    ]
    expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403])
    expect(JSON.parse(attempts[1]!.body)).toEqual({ error: 'cross-site request from https://evil.example refused' })
    await new Promise((r) => setTimeout(r, 300))
    expect(client.getState().requests.find((r) => r.kind === 'auth')?.status).toBe('waiting') // the wallet never saw it
    expect((await postScan(url, link, { 'x-hive-auth-devkit': '1', origin: 'http://localhost:5173' })).status).toBe(200)
    await expect(login).resolves.toMatchObject({ account: 'alice' })
    client.close()
  })

  it('scans a link pasted on stdin, and reports a bad one without dying', async () => {
    const url = await startCli('--decision', 'reject', '--quiet')
    const client = createHasClient({ app: { name: 'CLI test' }, hosts: [url], storage: createMemoryStorage() })
    child!.stdin.write('has://auth_req/garbage\n')
    const outcome = await authenticate(client, { account: 'bob', onWait: (p) => child!.stdin.write(p.deepLink + '\n') }).catch(
      (e: { code: string }) => e.code,
    )
    client.close()
    expect(outcome).toBe('rejected')
    expect(output).toContain('scan failed:')
    expect(output).not.toContain('"cmd"')
  })

  it('refuses bad options with usage and exit code 2', async () => {
    const proc = spawn(process.execPath, [CLI, '--decision', 'maybe'])
    let err = ''
    proc.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
    const code = await new Promise((r) => proc.on('exit', r))
    expect(code).toBe(2)
    expect(err).toContain('--decision must be one of')
  })
})

describe('a busy port', () => {
  it('is said in one line, without a stack, and the CLI exits with 1', async () => {
    const url = await startCli()
    const port = /:(\d+)$/.exec(url)![1]!
    const second = spawn(process.execPath, [CLI, '--port', port])
    let text = ''
    second.stdout.setEncoding('utf8').on('data', (d: string) => (text += d))
    second.stderr.setEncoding('utf8').on('data', (d: string) => (text += d))
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve))
    expect(code).toBe(1)
    expect(text.trim()).toBe(`hive-auth-devkit: port ${port} is in use (another devkit?): stop what holds it, or pick another with --port.`)
  })
})
