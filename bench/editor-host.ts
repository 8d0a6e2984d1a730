/**
 * A real web-mode host for the editor benchmark: `scripts/web.mjs` (what `npm run web` runs) on a
 * free port with a temporary workspace and app-data folder, serving the built renderer.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface BenchHost {
  /** Page URL with the access token. */
  readonly url: string
  readonly workspace: string
  close(): Promise<void>
}

const ROOT = join(import.meta.dirname, '..')
const URL_LINE = /open:\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/
const START_TIMEOUT_MS = 60_000

/** Starts the host; fails with a hint when the app has not been built. */
export async function startBenchHost(): Promise<BenchHost> {
  if (
    !existsSync(join(ROOT, 'out', 'renderer', 'index.html')) ||
    !existsSync(join(ROOT, 'out', 'main', 'web.js'))
  ) {
    throw new Error('the app is not built: run `npm run build` first')
  }
  const root = await mkdtemp(join(tmpdir(), 'routilux-bench-'))
  const workspace = join(root, 'workspace')
  const appData = join(root, 'app-data')
  await mkdir(workspace, { recursive: true })
  await mkdir(appData, { recursive: true })
  const child = spawn(
    process.execPath,
    [
      'scripts/web.mjs',
      '--port',
      '0',
      '--workspace',
      workspace,
      '--app-data',
      appData,
      '--no-open',
      '--no-build',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
  )
  const url = await waitForUrl(child)
  return {
    url,
    workspace,
    async close() {
      await stop(child)
      await rm(root, { recursive: true, force: true })
    },
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web-mode host did not start:\n${output}`)),
      START_TIMEOUT_MS,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = URL_LINE.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web-mode host exited with ${code}:\n${output}`))
    })
  })
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}
