// Child process of bench/relay-cpu.mjs: the least a HAS relay must do, as a yardstick for the devkit relay's CPU.
// It routes auth_req to the account's wallet and auth_ack back by uuid, and checks nothing: no proof of key, no
// quotas, no expiry, no limits. Never use it for anything but this comparison.
import { randomUUID } from 'node:crypto'
import { WebSocketServer } from 'ws'

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
const wallets = new Map()
const apps = new Map()
wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ cmd: 'connected', timeout: 60, protocol: 1 }))
  ws.on('message', (raw) => {
    const frame = JSON.parse(raw.toString())
    if (frame.cmd === 'key_req') return ws.send(JSON.stringify({ cmd: 'key_ack', key: 'STM7afmucfhAAywXV6RTr5PUJuAACQ9xwFa4pMGT4ng1HygAhkEeb' }))
    if (frame.cmd === 'register_req') {
      for (const { name } of frame.accounts) wallets.set(name, ws)
      return ws.send(JSON.stringify({ cmd: 'register_ack', account: frame.accounts[0].name }))
    }
    if (frame.cmd === 'auth_req') {
      const uuid = randomUUID()
      const expire = Date.now() + 60_000
      apps.set(uuid, ws)
      ws.send(JSON.stringify({ cmd: 'auth_wait', uuid, expire, account: frame.account }))
      return wallets.get(frame.account)?.send(JSON.stringify({ cmd: 'auth_req', account: frame.account, data: frame.data, uuid, expire }))
    }
    if (frame.cmd === 'auth_ack') {
      apps.get(frame.uuid)?.send(JSON.stringify(frame))
      apps.delete(frame.uuid)
    }
  })
})
wss.on('listening', () => process.send?.({ url: `ws://127.0.0.1:${wss.address().port}` }))
process.on('message', (message) => {
  if (message === 'cpu') process.send?.(process.cpuUsage())
})
