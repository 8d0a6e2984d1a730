/**
 * Finds the document to open in the app's command line (`routilux-studio flow.routilux.json`, a file
 * association, or the argv a second instance forwards). Flags and the app's own path are skipped.
 */
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'

/** The absolute path of the first existing `.json` file argument, if any. */
export function documentFromArgv(argv: readonly string[], cwd: string): string | undefined {
  // argv[0] is the executable; in development argv[1] is the app folder.
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith('.json')) continue
    const path = resolve(cwd, arg)
    if (existsSync(path) && statSync(path).isFile()) return path
  }
  return undefined
}
