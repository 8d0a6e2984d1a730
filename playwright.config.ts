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

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
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
