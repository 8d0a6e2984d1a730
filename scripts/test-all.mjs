#!/usr/bin/env node
// The one test command (`npm test`): every check the project has, then one summary line
// `N passed, N failed[, N skipped]`. Each stage is a check; vitest and Playwright contribute their
// individual test counts.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const reports = join(root, 'test-results')
mkdirSync(reports, { recursive: true })
const only = process.argv.slice(2)
const totals = { passed: 0, failed: 0, skipped: 0 }
/** Skipped journeys with the reason they give, printed before the totals. */
const skippedNotes = []

/** `title (project): reason` for every skipped test in a Playwright JSON report's suites. */
function skippedJourneys(suites) {
  const notes = []
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue
        const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description || 'no reason given'
        notes.push(`${spec.title} (${t.projectName}): ${reason}`)
      }
    }
    notes.push(...skippedJourneys(suite.suites ?? []))
  }
  return notes
}
const failures = []

function run(name, cmd, args, env = {}) {
  const started = Date.now()
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`)
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = result.status === 0
  process.stdout.write(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds}s\n`,
  )
  return ok
}

function check(name, cmd, args) {
  if (run(name, cmd, args)) totals.passed += 1
  else {
    totals.failed += 1
    failures.push(name)
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

const npx = (bin) => join(root, 'node_modules', '.bin', bin)
const wants = (stage) => only.length === 0 || only.includes(stage)

if (wants('typecheck')) {
  check('typecheck (node)', npx('tsc'), ['-p', 'tsconfig.node.json'])
  check('typecheck (web)', npx('tsc'), ['-p', 'tsconfig.web.json'])
}
if (wants('lint')) check('lint (biome)', npx('biome'), ['ci', '.'])
if (wants('layers')) {
  check('layering (dependency-cruiser)', npx('depcruise'), [
    'engine',
    'electron',
    'renderer',
    'bench',
    '--config',
    '.dependency-cruiser.cjs',
  ])
}
if (wants('security') && existsSync(join(root, 'scripts', 'electronegativity.mjs'))) {
  check('electron security (electronegativity)', process.execPath, ['scripts/electronegativity.mjs'])
}

if (wants('unit')) {
  const file = join(reports, 'vitest.json')
  rmSync(file, { force: true })
  const ok = run('unit and contract tests (vitest)', npx('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ])
  const report = readJson(file)
  if (report) {
    totals.passed += report.numPassedTests ?? 0
    totals.failed += report.numFailedTests ?? 0
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
    // A suite that fails to load has no tests to count: count it so it cannot pass silently.
    const brokenSuites = (report.testResults ?? []).filter(
      (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
    )
    totals.failed += brokenSuites.length
    if (!ok && (report.numFailedTests ?? 0) === 0 && brokenSuites.length === 0) totals.failed += 1
  } else if (!ok) totals.failed += 1
  if (!ok) failures.push('vitest')
}

if (wants('e2e') && existsSync(join(root, 'playwright.config.ts'))) {
  if (run('build (electron-vite)', npx('electron-vite'), ['build'])) {
    totals.passed += 1
    const file = join(reports, 'playwright.json')
    rmSync(file, { force: true })
    const ok = run('end-to-end journeys (playwright)', npx('playwright'), ['test'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    })
    const report = readJson(file)
    const stats = report?.stats
    skippedNotes.push(...skippedJourneys(report?.suites ?? []))
    if (stats) {
      totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0)
      totals.failed += stats.unexpected ?? 0
      totals.skipped += stats.skipped ?? 0
      if (!ok && (stats.unexpected ?? 0) === 0) totals.failed += 1
    } else if (!ok) totals.failed += 1
    if (!ok) failures.push('playwright')
  } else {
    totals.failed += 1
    failures.push('build')
  }
}

if (skippedNotes.length > 0)
  process.stdout.write(`\nSkipped:\n${skippedNotes.map((n) => `  ${n}`).join('\n')}\n`)
if (failures.length > 0) process.stdout.write(`\nFailed stages: ${failures.join(', ')}\n`)
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`)
process.exit(totals.failed > 0 ? 1 : 0)
