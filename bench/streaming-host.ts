/**
 * The streaming benchmark's host: `scripts/web.mjs` (what `npm run web` runs) on a free port with a
 * temporary workspace and app-data folder, plus what the benchmark needs beyond the page: the host
 * process's memory (RSS from /proc) and API calls over a second WebSocket client.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import type { MethodName, RequestOf, ResponseOf, ServerMessage } from '../electron/ipc/contract'

const ROOT = join(import.meta.dirname, '..')
const URL_LINE = /open:\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/
const START_TIMEOUT_MS = 60_000

export interface StreamingHost {
  readonly url: string
  /** Resident memory of the host process in MB, or NaN where /proc is not available. */
  rssMb(): number
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>
  close(): Promise<void>
}

export async function startStreamingHost(): Promise<StreamingHost> {
  if (
    !existsSync(join(ROOT, 'out', 'renderer', 'index.html')) ||
    !existsSync(join(ROOT, 'out', 'main', 'web.js'))
  ) {
    throw new Error('the app is not built: run `npm run build` first')
  }
  const root = await mkdtemp(join(tmpdir(), 'routilux-streaming-'))
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
  const api = await connectApi(url)
  return {
    url,
    rssMb: () => rssMb(child.pid),
    call: api.call,
    async close() {
      api.close()
      await stop(child)
      await rm(root, { recursive: true, force: true })
    },
  }
}

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : Number.NaN
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Number.NaN
    throw error
  }
}

/** A WebSocket API client of the host (calls only; it subscribes to nothing). */
async function connectApi(pageUrl: string): Promise<Pick<StreamingHost, 'call'> & { close(): void }> {
  const page = new URL(pageUrl)
  const socket = new WebSocket(
    `ws://${page.host}/api?token=${encodeURIComponent(page.searchParams.get('token') ?? '')}`,
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  let nextId = 1
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>()
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage
    if (message.type !== 'result') return
    const waiter = pending.get(message.id)
    pending.delete(message.id)
    if (message.ok) waiter?.resolve(message.response)
    else waiter?.reject(new Error(`${message.error.code}: ${message.error.message}`))
  })
  return {
    call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        socket.send(JSON.stringify({ type: 'call', id, method, request }))
      })
    },
    close: () => socket.close(),
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
