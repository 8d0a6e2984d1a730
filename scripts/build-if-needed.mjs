// Builds main, preload and renderer with electron-vite when an output is missing or older than the
// sources, so `npm start` and `npm run web` work straight after `npm install`.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outputs = [
  'out/main/main.js',
  'out/main/web.js',
  'out/preload/preload.cjs',
  'out/renderer/index.html',
].map((p) => join(root, p))
const sources = ['renderer', 'electron', 'engine', 'electron.vite.config.ts', 'package.json'].map((p) =>
  join(root, p),
)

function newest(path) {
  if (!existsSync(path)) return 0
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let latest = 0
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    latest = Math.max(latest, newest(join(path, name)))
  }
  return latest
}

/** Builds when needed; returns false if the build failed. */
export function buildIfNeeded({ force = false, log = (m) => process.stdout.write(`${m}\n`) } = {}) {
  const missing = outputs.some((p) => !existsSync(p))
  const stale =
    !missing && Math.max(...sources.map(newest)) > Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  if (!force && !missing && !stale) return true
  log(missing ? 'Building the studio (first run)…' : 'Sources changed; rebuilding the studio…')
  const bin = join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  )
  const result = spawnSync(bin, ['build'], { cwd: root, stdio: 'inherit' })
  return result.status === 0
}
