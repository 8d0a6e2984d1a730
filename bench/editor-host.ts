/**
 * A real web-mode host for the editor benchmark: a `StudioHost` on a temporary workspace behind the
 * web-mode server, serving the built renderer from `out/renderer`.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StudioHost } from '../electron/host/studio-host'
import { startWebServer } from '../electron/web/web-server'

export interface BenchHost {
  /** Page URL with the access token. */
  readonly url: string
  readonly workspace: string
  close(): Promise<void>
}

const ROOT = join(import.meta.dirname, '..')

/** Starts the host; fails with a hint when the renderer has not been built. */
export async function startBenchHost(): Promise<BenchHost> {
  const staticDir = join(ROOT, 'out', 'renderer')
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first')
  }
  const root = await mkdtemp(join(tmpdir(), 'routilux-bench-'))
  const workspace = join(root, 'workspace')
  await mkdir(workspace, { recursive: true })
  const host = await StudioHost.create({
    appDataDir: join(root, 'app-data'),
    workspaceRoot: workspace,
    pathMode: 'workspace',
    examplesDir: join(ROOT, 'resources', 'examples'),
    version: 'bench',
    capabilities: {
      nativeDialogs: false,
      workspaceBrowser: true,
      metricsEndpoint: false,
      windowShell: false,
    },
    log: () => undefined,
  })
  const server = await startWebServer({
    endpoint: host.endpoint,
    staticDir,
    token: randomBytes(16).toString('hex'),
    maxMessageBytes: 64 * 1024 * 1024,
  })
  return {
    url: server.url,
    workspace,
    async close() {
      await server.close()
      await host.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}
