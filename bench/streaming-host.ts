/**
 * The streaming benchmark's host: `scripts/web.mjs` (what `npm run web` runs) on a free port with a
 * temporary workspace and app-data folder, plus what the benchmark needs beyond the page: the host
 * process's memory (RSS from /proc) and API calls over a second WebSocket client.
 */
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import WebSocket from 'ws'
import type { MethodName, RequestOf, ResponseOf, ServerMessage } from '../electron/ipc/contract'
import {
  assertWebModeBuilt,
  makeWebHostFolders,
  startWebHostProcess,
} from '../electron/web/testing/web-host-process'

export interface StreamingHost {
  readonly url: string
  /** Resident memory of the host process in MB, or NaN where /proc is not available. */
  rssMb(): number
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>
  close(): Promise<void>
}

export async function startStreamingHost(): Promise<StreamingHost> {
  assertWebModeBuilt()
  const folders = await makeWebHostFolders('routilux-streaming-')
  const host = await startWebHostProcess(folders)
  const api = await connectApi(host.url)
  return {
    url: host.url,
    rssMb: () => rssMb(host.pid),
    call: api.call,
    async close() {
      api.close()
      await host.stop()
      await rm(folders.root, { recursive: true, force: true })
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
