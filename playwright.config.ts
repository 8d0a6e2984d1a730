import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

/**
 * End-to-end journeys: the built renderer in Debian's Chromium against a real web-mode host (see
 * e2e/fixtures/host.ts). Playwright's own browsers are never downloaded. `scripts/test-all.mjs` sets
 * PLAYWRIGHT_JSON_OUTPUT_NAME to count results from the JSON report.
 */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Each run writes its artifacts to its own folder: Playwright empties its output folder when a run
 * starts, which would delete the traces of another run going on at the same time. The runner picks
 * the folder once; its workers inherit it through the environment. Runs older than a day are pruned.
 */
const RUNS = 'test-results/e2e'
if (!process.env.ROUTILUX_E2E_RUN) {
  process.env.ROUTILUX_E2E_RUN = `run-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`
  pruneOldRuns(RUNS, 24 * 60 * 60 * 1000)
}

function pruneOldRuns(dir: string, maxAgeMs: number): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    // No runs yet.
    return
  }
  for (const name of names) {
    const path = join(dir, name)
    if (name.startsWith('run-') && Date.now() - statSync(path).mtimeMs > maxAgeMs) {
      rmSync(path, { recursive: true, force: true })
    }
  }
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: join(RUNS, process.env.ROUTILUX_E2E_RUN),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores are shared: one worker keeps the host and the browser from starving each other.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }],
  ],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    { name: 'chromium', testIgnore: /electron\.spec\.ts$/ },
    // Electron journeys launch the app itself; they skip (with the reason) where no binary exists.
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
})
