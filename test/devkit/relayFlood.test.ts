import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { authenticate } from '../../src/core/actions/authenticate'
import { createHasClient } from '../../src/core/client/createHasClient'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import type { WebSocketConstructor } from '../../src/core/types'
import { until } from '../support/until'

// A flood of the relay in its own process (the CLI, default limits: 64 Mi characters held, a quarter of it per
// address, 64 waiting requests per socket). The whole 127.0.0.0/8 is loopback, so sockets from 127.0.0.x stand for
// different addresses. Bounded: 25 flooding sockets, 1 600 requests of 60 KiB, a few seconds.

const CLI = 'dist/cli.js'
const DATA = 'F'.repeat(60 * 1024)
let child: ChildProcessWithoutNullStreams
let url = ''

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`)
  child = spawn(process.execPath, [CLI, '--port', '0', '--accounts', 'alice', '--quiet'])
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d))
  await until(() => /relay on ws:\/\/127\.0\.0\.1:\d+/.test(output), 10_000)
  url = output.match(/relay on (ws:\/\/127\.0\.0\.1:\d+)/)![1]!
})
afterAll(() => void child.kill('SIGTERM'))

/** A socket from a given loopback address that records the errors and waits the relay sends it. */
async function flooder(from: string) {
  const ws = new WebSocket(url, undefined, { localAddress: from })
  const answers: string[] = []
  ws.on('message', (raw) => {
    const frame = JSON.parse(raw.toString()) as { cmd: string; error?: string }
    if (frame.cmd === 'auth_wait') answers.push('held')
    if (frame.cmd === 'error') answers.push(String(frame.error))
  })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  return {
    answers,
    /** Sends `count` requests for carol (whom no wallet holds, so none is answered) and waits for every reply. */
    async flood(count: number) {
      for (let i = 0; i < count; i++) ws.send(JSON.stringify({ cmd: 'auth_req', account: 'carol', data: DATA }))
      await until(() => answers.length >= count, 20_000)
    },
    close: () => new Promise((resolve) => ws.once('close', resolve).terminate()),
  }
}

/** A client whose sockets come from `from`. */
function clientFrom(from: string) {
  class FromAddress extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { localAddress: from })
    }
  }
  return createHasClient({
    app: { name: 'Flood test' },
    hosts: [url],
    storage: createMemoryStorage(),
    WebSocket: FromAddress as unknown as WebSocketConstructor,
  })
}

/** Logs alice in through the CLI's wallet, scanning the link as a phone would. */
async function honestLogin(from: string) {
  const client = clientFrom(from)
  const scan = (link: string) =>
    void fetch(url.replace('ws://', 'http://') + '/scan', { method: 'POST', body: link, headers: { 'x-hive-auth-devkit': '1' } })
  try {
    return await authenticate(client, { account: 'alice', onWait: (pending) => scan(pending.deepLink) })
  } finally {
    client.close()
  }
}

const count = (answers: string[], what: string) => answers.filter((a) => a === what).length

describe('a flood of the relay (its own process)', () => {
  it('one address gets a quarter; others still log in; when the relay is full and the flooders leave, their room is free at once', async () => {
    const first = await Promise.all(Array.from({ length: 5 }, () => flooder('127.0.0.1')))
    for (const socket of first) await socket.flood(65)
    const fromFirst = first.flatMap((s) => s.answers)
    // Four sockets fill their 64 and are refused one more; a quarter of 64 Mi characters is 273 requests of 60 KiB.
    expect(count(fromFirst, 'too many pending requests on this socket')).toBe(4)
    expect(count(fromFirst, 'held')).toBe(273)
    expect(count(fromFirst, 'too many pending requests from this address')).toBe(5 * 65 - 273 - 4)

    await expect(honestLogin('127.0.0.2')).resolves.toMatchObject({ account: 'alice' })

    const others = await Promise.all(
      ['127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'].flatMap((from) => Array.from({ length: 5 }, () => flooder(from))),
    )
    for (const socket of others) await socket.flood(64)
    const fromOthers = others.flatMap((s) => s.answers)
    expect(count(fromOthers, 'server busy')).toBeGreaterThan(0) // the bound on memory holds: full is full
    const late = await flooder('127.0.0.7')
    await late.flood(1)
    expect(late.answers).toEqual(['server busy'])

    await Promise.all([...first, ...others].map((socket) => socket.close()))
    await expect(honestLogin('127.0.0.7')).resolves.toMatchObject({ account: 'alice' })
    await expect(honestLogin('127.0.0.1')).resolves.toMatchObject({ account: 'alice' })
    await late.close()
  })
})
