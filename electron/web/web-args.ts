/**
 * Command-line flags of web mode: `[workspace] --port N --workspace DIR --app-data DIR --bind ADDR
 * --no-open --help`.
 */
import { statSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'

export interface WebArgs {
  readonly port: number
  readonly workspace: string
  readonly appData: string | null
  readonly bind: string
  readonly open: boolean
  readonly help: boolean
  /** False with `--no-build` (handled by scripts/web.mjs before the host starts). */
  readonly build: boolean
}

export const WEB_USAGE = `Usage: npm run web -- [workspace] [options]

Serves Routilux Studio on 127.0.0.1 and prints its URL (with a one-time token).

  [workspace]         folder for flow documents (default ./flows); a document file
                      opens that file, with its folder as the workspace
  --workspace DIR     same as the positional argument
  --port N            port to listen on (default 0: a free port)
  --app-data DIR      settings, drafts, snapshots and job history (default: the desktop app's folder)
  --bind ADDR         address to bind (default 127.0.0.1; anything else exposes the studio to the network)
  --no-open           do not open a browser
  --no-build          do not rebuild when sources changed (start from what is built)
  --help              show this help
`

/**
 * The workspace folder and the document to open for a workspace argument: a folder (or a path that
 * does not exist yet) is the workspace; an existing file — `npm start flow.routilux.json` without
 * Electron — is opened, with its folder as the workspace.
 */
export function workspaceAndDocument(path: string): { workspace: string; document: string | null } {
  const isFile = statSync(path, { throwIfNoEntry: false })?.isFile() === true
  return isFile ? { workspace: dirname(path), document: basename(path) } : { workspace: path, document: null }
}

/** Parses `argv` (without node and script); throws an Error with a readable message on bad flags. */
export function parseWebArgs(argv: readonly string[], cwd: string): WebArgs {
  let port = 0
  let workspace: string | undefined
  let appData: string | null = null
  let bind = '127.0.0.1'
  let open = true
  let help = false
  let build = true
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`)
      return v
    }
    switch (flag) {
      case '--port': {
        port = Number(value())
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0–65535')
        break
      }
      case '--workspace':
        workspace = value()
        break
      case '--app-data':
        appData = resolve(cwd, value())
        break
      case '--bind':
        bind = value()
        break
      case '--no-open':
        open = false
        break
      case '--no-build':
        build = false
        break
      case '--help':
      case '-h':
        help = true
        break
      default:
        if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}`)
        if (workspace !== undefined) throw new Error(`Unexpected argument ${arg}`)
        workspace = arg
    }
  }
  return { port, workspace: resolve(cwd, workspace ?? 'flows'), appData, bind, open, help, build }
}
