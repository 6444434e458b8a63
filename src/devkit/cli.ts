#!/usr/bin/env node
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { parseAuthLink } from '../core/protocol/links.js'
import { createChain } from './chain.js'
import { serveChainRequest } from './chainServer.js'
import { describeFrame } from './describeFrame.js'
import { crossSiteProblem, DEVKIT_HEADER } from './localOnly.js'
import { chainAccountKeys } from './relayProof.js'
import { WALLET_PROFILES, type WalletProfile } from './profiles.js'
import { startRelay } from './server.js'
import { createWallet, type WalletDecision } from './wallet.js'

const USAGE = `hive-auth-devkit: a local HiveAuth relay with a simulated wallet, on 127.0.0.1.

Usage: hive-auth-devkit [--port 8090] [--accounts alice,bob] [--decision approve] [--profile docs-v1]
                        [--secret S] [--timeout 60] [--quiet]

  --port      port for the relay (ws://) and for POST /scan (http://); 0 picks a free one
  --accounts  accounts the wallet holds (test keys derived from the password "test-password-not-real")
  --decision  approve | reject | error | ignore
  --profile   ${WALLET_PROFILES.join(' | ')}
  --secret    service-mode auth_req_secret shared with the dApp
  --timeout   request lifetime in seconds
  --quiet     do not log frames

Point your dApp at the printed ws:// URL. To "scan" a QR code, paste its has://auth_req/ link here, or
POST it:  curl -H '${DEVKIT_HEADER}: 1' -d 'has://auth_req/...' http://127.0.0.1:8090/scan

/scan makes the wallet act, so it refuses what a web page could send: a request without the ${DEVKIT_HEADER}
header, from another site (Origin), or to a host name that is not this machine (DNS rebinding). /rpc, the Hive
node, answers any page: it holds nothing but the test accounts' public data and checks every signature.`

const DECISIONS: WalletDecision[] = ['approve', 'reject', 'error', 'ignore']

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8090' },
      accounts: { type: 'string', default: 'alice,bob' },
      decision: { type: 'string', default: 'approve' },
      profile: { type: 'string', default: 'docs-v1' },
      secret: { type: 'string' },
      timeout: { type: 'string', default: '60' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) return console.log(USAGE)
  const port = Number(values.port)
  const timeout = Number(values.timeout)
  const accounts = values.accounts
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean)
  const decision = values.decision as WalletDecision
  const profile = values.profile as WalletProfile
  const problems = [
    !Number.isInteger(port) || port < 0 || port > 65535 ? `--port must be 0–65535` : '',
    !(timeout > 0) ? '--timeout must be a positive number of seconds' : '',
    accounts.length === 0 ? '--accounts needs at least one name' : '',
    !DECISIONS.includes(decision) ? `--decision must be one of ${DECISIONS.join(', ')}` : '',
    !WALLET_PROFILES.includes(profile) ? `--profile must be one of ${WALLET_PROFILES.join(', ')}` : '',
  ].filter(Boolean)
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }

  let scan: (link: string) => Promise<void> = async () => {}
  const chain = createChain({ accounts })
  const server = await startRelay({
    port,
    timeout,
    accountKeys: chainAccountKeys(chain),
    onFrame: values.quiet ? undefined : (f) => console.log(`${f.direction === 'in' ? '→' : '←'} #${f.socket} ${describeFrame(f.text)}`),
    onHttpRequest(request, response) {
      if (request.url === '/rpc') return serveChainRequest(chain, request, response)
      if (request.method !== 'POST' || request.url !== '/scan')
        return void response.writeHead(404).end('POST /scan with a has:// link, or JSON-RPC to /rpc\n')
      const refused = crossSiteProblem(request)
      if (refused) return void response.writeHead(403, { 'content-type': 'application/json' }).end(`${JSON.stringify({ error: refused })}\n`)
      let body = ''
      request.setEncoding('utf8')
      request.on('data', (chunk: string) => {
        body += chunk
        if (body.length > 10_000) request.destroy()
      })
      request.on('end', () => {
        scan(body.trim()).then(
          () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}\n'),
          (error: Error) => response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }) + '\n'),
        )
      })
    },
  })
  const wallet = createWallet({ url: server.url, accounts, decision, profile, secret: values.secret, chain })
  scan = async (link) => {
    await wallet.scan(link)
    console.log(`wallet scanned the link for @${parseAuthLink(link).account}`)
  }
  await wallet.connect()
  console.log(`hive-auth-devkit relay on ${server.url} (wallet: ${accounts.join(', ')}; profile ${profile}; decision ${decision})`)
  console.log(`scan links: paste them here, or POST them with the ${DEVKIT_HEADER} header to http://127.0.0.1:${server.port}/scan`)
  console.log(`Hive node for these accounts (verifyChallenge, verifyLoginMessage, confirmTransaction): http://127.0.0.1:${server.port}/rpc`)

  const input = createInterface({ input: process.stdin })
  input.on('line', (line) => {
    const link = line.trim()
    if (link) scan(link).catch((error: Error) => console.error(`scan failed: ${error.message}`))
  })
  const stop = () => {
    input.close()
    wallet.close()
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  const code = (error as { code?: string } | null)?.code
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const port = /:(\d+)$/.exec((error as Error).message)?.[1] ?? 'that port'
    console.error(
      `hive-auth-devkit: port ${port} is ${code === 'EADDRINUSE' ? 'in use (another devkit?)' : 'not allowed'}: stop what holds it, or pick another with --port.`,
    )
  } else console.error(`hive-auth-devkit: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
