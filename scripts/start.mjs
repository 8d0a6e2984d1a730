#!/usr/bin/env node
// `npm start`: opens the desktop app when an Electron binary is installed; otherwise (servers, CI,
// machines where Electron could not be downloaded) starts web mode and prints its URL.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfNeeded } from './build-if-needed.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Path of the Electron binary, or the reason there is none. Never triggers a download. */
export function findElectron() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    )
    return existsSync(bin) ? { bin } : { reason: `no Electron binary at ${bin}` }
  }
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile))
    return { reason: 'the Electron binary was not downloaded (node_modules/electron/path.txt is missing)' }
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? { bin } : { reason: `the Electron binary is missing (${bin})` }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2)
  const electron = findElectron()
  if (!buildIfNeeded()) process.exit(1)
  if (electron.bin) {
    const child = spawn(electron.bin, [root, ...argv], { stdio: 'inherit' })
    child.on('exit', (code) => process.exit(code ?? 0))
  } else {
    process.stdout.write(`Electron is not available: ${electron.reason}.\nStarting web mode instead.\n\n`)
    await import('./web.mjs')
  }
}
