#!/usr/bin/env node
// `npm run web`: runs Routilux Studio in web mode — the host on 127.0.0.1 with the built renderer and
// the WebSocket API, at a URL with a one-time token. Flags: see `npm run web -- --help`.
import { buildIfNeeded } from './build-if-needed.mjs'

const argv = process.argv.slice(2)
// `--no-build` (used by the e2e fixture) starts from whatever is built, never rebuilding mid-run.
if (!argv.includes('--no-build') && !buildIfNeeded()) process.exit(1)
const { runWebMode } = await import('../out/main/web.js')
try {
  await runWebMode(argv)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
