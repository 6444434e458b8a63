// `npm run bench`: login → deep link, and a full login, on one devkit relay (its own process), ours beside the
// official hive-auth-wrapper and a raw WebSocket floor; warm (socket open) and cold (a new client and socket), samples
// interleaved so that no contender gets a quieter machine. Numbers are printed, never asserted.
import { startChildServer } from './childServer.mjs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import AES from 'crypto-js/aes.js'
import WebSocket from 'ws'
import { authenticate, buildAuthLink, createHasClient, createMemoryStorage } from '../dist/core.js'
import { createWallet } from '../dist/devkit.js'

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 12)
const app = { name: 'bench' }

const relay = await startChildServer('./relayProcess.mjs', ['0'])
const { url } = relay
const wallet = createWallet({ url, WebSocket, accounts: ['alice'], decision: 'approve' })

// hive-auth-wrapper is written for browsers: it looks for `window.WebSocket`.
globalThis.window = globalThis
globalThis.WebSocket = WebSocket
const wrapperPath = pathToFileURL(createRequire(new URL('./peers/', import.meta.url)).resolve('hive-auth-wrapper'))
/** A fresh copy of the wrapper's module (it keeps one socket in module state): the cold case. */
const loadWrapper = async (fresh) => {
  const HAS = (await import(fresh ? `${wrapperPath}?copy=${fresh}` : wrapperPath.href)).default
  HAS.setOptions({ host: url })
  return HAS
}

const ours = createHasClient({ app, hosts: [url], WebSocket, storage: createMemoryStorage() })
await ours.connect()
const wrapperWarm = await loadWrapper(0)
await wrapperWarm.connect()

/** Ours: from authenticate() to the deep link (onWait), and to the session. */
async function runOurs(client) {
  const start = performance.now()
  let link = 0
  await authenticate(client, {
    account: 'alice',
    onWait: (p) => {
      link = performance.now() - start
      void wallet.scan(p.deepLink)
    },
  })
  return { link, full: performance.now() - start }
}

/** The wrapper: from authenticate() to its wait callback (the data for the link), and to the resolved auth. */
async function runWrapper(HAS) {
  const start = performance.now()
  let link = 0
  await HAS.authenticate({ username: 'alice' }, app, undefined, (req) => {
    link = performance.now() - start
    void wallet.scan(buildAuthLink({ account: 'alice', uuid: req.uuid, key: req.key, host: url }))
  })
  return { link, full: performance.now() - start }
}

const FLOOR_KEY = 'floor-key-0123456789'
const FLOOR_FRAME = JSON.stringify({ cmd: 'auth_req', account: 'alice', data: AES.encrypt(JSON.stringify({ app }), FLOOR_KEY).toString() })
/** The floor: a prebuilt auth_req on a bare socket, the auth_wait back (the link), then the auth_ack. */
function runFloor(socket, start = performance.now()) {
  return new Promise((resolve) => {
    let link = 0
    const onMessage = (raw) => {
      const message = JSON.parse(String(raw))
      if (message.cmd === 'auth_wait') {
        link = performance.now() - start
        void wallet.scan(buildAuthLink({ account: 'alice', uuid: message.uuid, key: FLOOR_KEY, host: url }))
      } else if (message.cmd === 'auth_ack') {
        socket.off('message', onMessage)
        resolve({ link, full: performance.now() - start })
      }
    }
    socket.on('message', onMessage)
    socket.send(FLOOR_FRAME)
  })
}
const openSocket = () =>
  new Promise((resolve) => {
    const socket = new WebSocket(url, { perMessageDeflate: false })
    socket.once('message', () => resolve(socket)) // `connected`
  })
const floorWarm = await openSocket()

const contenders = {
  'ours, warm': () => runOurs(ours),
  'ours, cold': async () => {
    const client = createHasClient({ app, hosts: [url], WebSocket, storage: createMemoryStorage() })
    try {
      return await runOurs(client)
    } finally {
      client.close()
    }
  },
  'hive-auth-wrapper, warm': () => runWrapper(wrapperWarm),
  'hive-auth-wrapper, cold': async (i) => runWrapper(await loadWrapper(i + 1)),
  'raw WebSocket floor, warm': () => runFloor(floorWarm),
  'raw WebSocket floor, cold': async () => {
    const start = performance.now() // the socket's opening counts, as it does for the others
    const socket = await openSocket()
    try {
      return await runFloor(socket, start)
    } finally {
      socket.close()
    }
  },
}
const names = Object.keys(contenders)
const samples = Object.fromEntries(names.map((n) => [n, { link: [], full: [] }]))
for (let i = 0; i < SAMPLES; i++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(i + k) % names.length] // rotated, so no contender always runs first
    const { link, full } = await contenders[name](i)
    samples[name].link.push(link)
    samples[name].full.push(full)
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x) => `${x.toFixed(1)} ms`.padStart(10)
console.log(`login latency on the devkit relay, median of ${SAMPLES} (interleaved)       → deep link   full login`)
for (const name of names) console.log(`  ${name.padEnd(58)} ${ms(median(samples[name].link))} ${ms(median(samples[name].full))}`)
for (const mode of ['warm', 'cold']) {
  const ourLink = median(samples[`ours, ${mode}`].link)
  console.log(
    `  ${mode}: the wrapper takes ${(median(samples[`hive-auth-wrapper, ${mode}`].link) / ourLink).toFixed(0)}× ours to the deep link; ours is ${(ourLink / median(samples[`raw WebSocket floor, ${mode}`].link)).toFixed(2)}× the floor`,
  )
}
ours.close()
floorWarm.close()
wallet.close()
relay.stop()
process.exit(0)
