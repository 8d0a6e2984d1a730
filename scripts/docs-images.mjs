#!/usr/bin/env node
// `npm run docs:images`: rebuilds the studio and runs the editor and live journeys with
// UPDATE_DOC_IMAGES=1, which copies the pictures the user guide shows into docs/images/. Ordinary
// test runs keep their screenshots in test-results/screenshots/ only. Extra arguments go to Playwright
// (e.g. `npm run docs:images -- e2e/live` to refresh only the "Watching a run" pictures).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => join(root, 'node_modules', '.bin', name)
const specs = process.argv.slice(2)

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run(bin('electron-vite'), ['build'])
run(bin('playwright'), ['test', ...(specs.length > 0 ? specs : ['e2e/editor', 'e2e/live'])], {
  UPDATE_DOC_IMAGES: '1',
})
process.stdout.write(
  '\nGuide pictures refreshed in docs/images/ (review them with git diff --stat docs/images).\n',
)
