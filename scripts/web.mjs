#!/usr/bin/env node
// `npm run web`: runs Routilux Studio in web mode — the host on 127.0.0.1 with the built renderer and
// the WebSocket API, at a URL with a one-time token. Flags: see `npm run web -- --help`.
import { register } from 'tsx/esm/api'
import { buildIfNeeded } from './build-if-needed.mjs'

const argv = process.argv.slice(2)
if (!argv.includes('--help') && !argv.includes('-h') && !buildIfNeeded()) process.exit(1)
register()
const { runWebMode } = await import('../electron/web/web-main.ts')
try {
  await runWebMode(argv)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
