/**
 * Starts a real web-mode host as a child process (`scripts/web.mjs`, what `npm run web` runs) on a
 * free port with given workspace and app-data folders, and stops it. The end-to-end fixture and the
 * editor and streaming benchmarks all start their host through here.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const URL_LINE = /open:\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/
const START_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 10_000

/** Fresh folders for one host: `root` holds the workspace and the app-data folder. */
export interface WebHostFolders {
  readonly root: string
  readonly workspace: string
  readonly appData: string
}

/** A running host process. */
export interface WebHostProcess {
  /** The page URL including the token. */
  readonly url: string
  readonly pid: number | undefined
  /** Everything the process printed so far (for failure messages). */
  output(): string
  /** Stops it (SIGTERM, then SIGKILL after 10 s); resolves once it has exited. */
  stop(): Promise<void>
}

/** Creates empty workspace and app-data folders under a new temporary folder. */
export async function makeWebHostFolders(prefix: string): Promise<WebHostFolders> {
  const root = await mkdtemp(join(tmpdir(), prefix))
  const workspace = join(root, 'workspace')
  const appData = join(root, 'app-data')
  await mkdir(workspace, { recursive: true })
  await mkdir(appData, { recursive: true })
  return { root, workspace, appData }
}

/** Throws with a hint when the renderer or the web-mode entry has not been built. */
export function assertWebModeBuilt(): void {
  const missing = ['out/renderer/index.html', 'out/main/web.js'].filter((p) => !existsSync(join(ROOT, p)))
  if (missing.length > 0) {
    throw new Error(`the app is not built (${missing.join(', ')} missing): run \`npm run build\` first`)
  }
}

/** Starts the host on the folders (on `port`, default a free one); resolves once it printed its URL. */
export async function startWebHostProcess(
  folders: {
    readonly workspace: string
    readonly appData: string
  },
  port = 0,
): Promise<WebHostProcess> {
  const args = ['--port', String(port), '--workspace', folders.workspace, '--app-data', folders.appData]
  const child = spawn(process.execPath, ['scripts/web.mjs', ...args, '--no-open', '--no-build'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const url = await waitForUrl(child, () => output)
  return { url, pid: child.pid, output: () => output, stop: () => stop(child) }
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`web-mode host did not start:\n${output()}`)),
      START_TIMEOUT_MS,
    )
    const onData = () => {
      const match = URL_LINE.exec(output())
      if (match?.[1]) finish(undefined, match[1])
    }
    const onExit = (code: number | null) =>
      finish(new Error(`web-mode host exited with ${code}:\n${output()}`))
    function finish(error: Error | undefined, url?: string): void {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onData)
      child.off('exit', onExit)
      if (error || url === undefined) reject(error)
      else resolve(url)
    }
    // Listeners added after `collect` see the output including the chunk that brought the URL.
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', onExit)
  })
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}
