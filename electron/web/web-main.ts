/**
 * Web mode's composition root: parse flags, start a `StudioHost` confined to the workspace, serve
 * the built renderer and the API on loopback with a fresh random token, print the URL, and shut
 * down cleanly on Ctrl+C.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultAppDataDir } from '../host/app-paths'
import { loadNodePlugins } from '../host/registry/node-plugins'
import { DEFAULT_MAX_MESSAGE_BYTES, StudioHost } from '../host/studio-host'
import { parseWebArgs, WEB_USAGE, workspaceAndDocument } from './web-args'
import { startWebServer } from './web-server'

/** Repository (or installed app) root: two folders above this file. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export async function runWebMode(argv: readonly string[]): Promise<void> {
  const args = parseWebArgs(argv, process.cwd())
  if (args.help) {
    process.stdout.write(WEB_USAGE)
    return
  }
  const staticDir = join(ROOT, 'out', 'renderer')
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir}); run "npm run build" first`)
  }
  const { workspace, document } = workspaceAndDocument(args.workspace)
  await mkdir(workspace, { recursive: true })
  const appDataDir = args.appData ?? defaultAppDataDir()
  await mkdir(appDataDir, { recursive: true })
  const version = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version
  const host = await StudioHost.create({
    appDataDir,
    workspaceRoot: workspace,
    pathMode: 'workspace',
    examplesDir: join(ROOT, 'resources', 'examples'),
    version,
    capabilities: { nativeDialogs: false, workspaceBrowser: true, metricsEndpoint: true, windowShell: false },
    loadPlugins: loadNodePlugins,
    log: (message) => process.stderr.write(`${message}\n`),
  })
  const server = await startWebServer({
    endpoint: host.endpoint,
    staticDir,
    token: randomBytes(24).toString('base64url'),
    port: args.port,
    bind: args.bind,
    maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
  })
  if (args.bind !== '127.0.0.1' && args.bind !== 'localhost' && args.bind !== '::1') {
    process.stderr.write(
      `Warning: listening on ${args.bind}; anyone who can reach it and has the URL can use the studio.\n`,
    )
  }
  const url = document === null ? server.url : `${server.url}&open=${encodeURIComponent(document)}`
  process.stdout.write(
    `Routilux Studio (web mode)\n  workspace: ${workspace}\n  app data:  ${appDataDir}\n  open:      ${url}\n`,
  )
  if (args.open) openBrowser(url)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\n${signal}: stopping\n`)
    await server.close()
    await host.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]]
  const child = spawn(command, args, { stdio: 'ignore', detached: true })
  child.on('error', () => process.stdout.write('  (could not open a browser; open the URL above yourself)\n'))
  child.unref()
}
