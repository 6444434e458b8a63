import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

/** Serves a built folder (storybook-static, a built test page) on 127.0.0.1 at a free port. */
export async function serveStatic(folder: string, entry = 'iframe.html'): Promise<{ url: string; close(): Promise<void> }> {
  const root = resolve(folder)
  if (!existsSync(join(root, entry))) throw new Error(`${root} has no ${entry}: build it first (npm test does).`)
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '')
    let file = join(root, path)
    if (!file.startsWith(root) || !existsSync(file)) return void response.writeHead(404).end()
    if (statSync(file).isDirectory()) file = join(file, 'index.html')
    // Built assets have content hashes in their names: a page that reuses its context fetches them once.
    const cache = path.startsWith('assets/') || path.startsWith('sb-') ? 'public, max-age=3600, immutable' : 'no-cache'
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache })
    createReadStream(file).pipe(response)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  }
}
