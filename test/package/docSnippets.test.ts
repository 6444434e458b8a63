import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createLoginMessage } from '../../src/core/chain/loginMessage'
import { createChain } from '../../src/devkit/chain'
import { startChainNode } from '../../src/devkit/chainServer'
import { privateKeyFromLogin, signMessage } from '../../src/devkit/keys'

// The snippets of README and docs/ that run, run as written, against the built package (the repository resolves
// `hive-auth-react` to its own dist/, as an app resolves it to node_modules): each in a Vitest of its own, in the
// environment the page says it needs.

const work = mkdtempSync(join(resolve('.'), '.snippets-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The first fenced block of `language` after `marker` in `page`. */
function block(page: string, marker: string, language: string): string {
  const text = readFileSync(page, 'utf8')
  const from = text.indexOf(marker)
  expect(from, `${page} still says "${marker}"`).toBeGreaterThanOrEqual(0)
  const found = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(text.slice(from))
  expect(found, `${page}: a ${language} block after "${marker}"`).not.toBeNull()
  return found![1]!
}

/** Runs test files in a Vitest of their own (jsdom, React's JSX), as an app's test setup does; its output on failure. */
function vitest(files: Record<string, string>) {
  const dir = mkdtempSync(join(work, 'run-'))
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code)
  writeFileSync(
    join(dir, 'vitest.config.mts'),
    "import react from '@vitejs/plugin-react'\nexport default { plugins: [react()], test: { environment: 'jsdom', include: ['*.test.tsx'] } }\n",
  )
  const run = spawnSync(process.execPath, [resolve('node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.config.mts', '--reporter', 'dot'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test', CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 120_000,
  })
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` }
}

/** A Sign in with Hive message for `origin` with `nonce`, signed by the devkit's alice (her posting key). */
function signedLogin(origin: string, nonce: string) {
  const message = createLoginMessage({ domain: new URL(origin).host, account: 'alice', uri: `${origin}/`, nonce })
  return { message, signature: signMessage(message, privateKeyFromLogin('alice', 'test-password-not-real', 'posting')) }
}

describe('docs that hold when followed', () => {
  it("docs/verified-login.md's server answers why not as written, and on the devkit's node logs alice in once", async () => {
    const snippet = block('docs/verified-login.md', 'On the server, `hive-auth-react/server`', 'ts')
    writeFileSync(join(work, 'server.ts'), snippet)
    type Server = { nonce(): Promise<string>; logIn(body: { message: string; signature: string }): Promise<{ account?: string; code?: string }> }
    const asWritten = (await import(/* @vite-ignore */ join(work, 'server.ts'))) as Server
    const offline = await asWritten.logIn(signedLogin('https://app.example', await asWritten.nonce()))
    // Here the public nodes are out of reach; with a network, mainnet's alice holds other keys. Either way it says why.
    expect(['nodes_unreachable', 'key_not_authorized']).toContain(offline.code)

    const node = await startChainNode(createChain({ accounts: ['alice'] }))
    try {
      // The same file, its node list pointed at the devkit's node: nothing else changed.
      const nodesLine = /^const NODES = .*$/m
      expect(snippet).toMatch(nodesLine)
      writeFileSync(join(work, 'serverOnDevkit.ts'), snippet.replace(nodesLine, `const NODES = [${JSON.stringify(node.url)}]`))
      const onDevkit = (await import(/* @vite-ignore */ join(work, 'serverOnDevkit.ts'))) as Server
      expect(await onDevkit.logIn(signedLogin('https://app.example', await onDevkit.nonce()))).toEqual({ account: 'alice' })
      const replayed = signedLogin('https://app.example', 'neverissued1')
      expect(await onDevkit.logIn(replayed)).toMatchObject({ code: 'nonce' })
    } finally {
      await node.close()
    }
  }, 30_000)

  it("docs/devkit.md's Vitest example passes as written (jsdom, @testing-library/react and user-event, as it says)", () => {
    const snippet = block('docs/devkit.md', 'Vitest: the in-memory relay', 'tsx')
    const run = vitest({ 'devkitExample.test.tsx': snippet })
    expect(run.output, run.output).toMatch(/Tests\s+1 passed/)
    expect(run.status, run.output).toBe(0)
  })

  it("the README's hooks example: VoteButton, rendered under the drop-in's provider, signs a vote", () => {
    const snippet = block('README.md', '## Sign: hooks', 'tsx')
    const test = `import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HasLoginButton, HasProvider, createMemoryStorage } from 'hive-auth-react'
import { createMemoryRelay, createWallet } from 'hive-auth-react/devkit'
import { expect, it } from 'vitest'
import { VoteButton } from './VoteButton'

it('VoteButton renders nothing logged out, then signs a vote', async () => {
  const devkit = createMemoryRelay()
  const wallet = createWallet({ url: devkit.url, WebSocket: devkit.WebSocket, accounts: ['alice'], decision: 'approve' })
  render(
    <HasProvider app={{ name: 'My dApp' }} devkit={devkit} storage={createMemoryStorage()}>
      <HasLoginButton avatarUrl={false} />
      <VoteButton author="alice" permlink="hello-hive" />
    </HasProvider>,
  )
  expect(screen.queryByRole('button', { name: 'Upvote' })).toBeNull()
  const user = userEvent.setup()
  await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
  await user.type(await screen.findByLabelText('Hive account'), 'alice{Enter}')
  await wallet.scan((await screen.findByRole('link', { name: 'Open in wallet' })).getAttribute('href')!)
  await user.click(await screen.findByRole('button', { name: 'Upvote' }))
  const done = await screen.findByRole('dialog', { name: 'Transaction approved' }, { timeout: 5000 })
  expect(done.querySelector('code')?.textContent).toMatch(/^[0-9a-f]{40}$/)
  wallet.close()
  devkit.close()
})
`
    const run = vitest({ 'VoteButton.tsx': snippet, 'readmeHooks.test.tsx': test })
    expect(run.output, run.output).toMatch(/Tests\s+1 passed/)
    expect(run.status, run.output).toBe(0)
  })
})
