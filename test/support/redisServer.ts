import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's redis-server, when installed (`.ci/run` installs it where it is missing). */
export const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(
  (path) => spawnSync(path, ['--version'], { stdio: 'ignore' }).status === 0,
)

/** Why Redis tests cannot run here, or undefined when they can. */
export const noRedisReason = REDIS_SERVER ? undefined : 'redis-server is not installed (apt-get install -y redis-server)'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** How to run the server: nothing persisted (the default), or RDB snapshots / AOF in a directory of its own. */
export interface RedisServerOptions {
  /** Extra arguments (e.g. `['--appendonly', 'yes', '--appendfsync', 'always']`); persistence is off unless given. */
  args?: readonly string[]
  /** The data directory (default: a fresh temporary one), kept across restarts. */
  dir?: string
  port?: number
}

/** A real redis-server of its own on 127.0.0.1; `stop()` ends it (SIGKILL: a crash), `restart()` starts it again on its port and directory. */
export interface RunningRedis {
  url: string
  port: number
  stop(signal?: NodeJS.Signals): Promise<void>
  restart(): Promise<void>
}

export async function startRedis(options: RedisServerOptions = {}): Promise<RunningRedis> {
  if (!REDIS_SERVER) throw new Error(noRedisReason)
  const port = options.port ?? (await freePort())
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'redis-'))
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', ...(options.args ?? [])]
  let child: ChildProcess = await launch(args)
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
    async restart() {
      child = await launch(args)
    },
  }
}

async function launch(args: string[]): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER!, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  await new Promise<void>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)))
  })
  return child
}
