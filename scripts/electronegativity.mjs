#!/usr/bin/env node
// Electron security review of electron/ with @doyensec/electronegativity; fails on any HIGH-severity
// finding or on a file it could not parse (an unscanned file must not pass silently).
//
// Electronegativity parses TypeScript with Babel first and falls back to typescript-estree, which
// needs TypeScript's JavaScript API; TypeScript 7 (native) has none. The fallback is replaced by a
// stub that throws, so Babel's result (or its parse error) is what counts.
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const engRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'))
const estree = engRequire.resolve('@typescript-eslint/typescript-estree')
require.cache[estree] = {
  id: estree,
  filename: estree,
  loaded: true,
  exports: {
    parse() {
      throw new Error('typescript-estree is unavailable (TypeScript 7 has no JavaScript API)')
    },
  },
}
const run = engRequire('./dist/runner.js')

const input = join(root, 'electron')
const result = await run({
  input,
  customScan: [],
  excludeFromScan: [],
  isRelative: true,
  isSarif: false,
  isVerbose: false,
  parserPlugins: [],
  electronVersionOverride: require('electron/package.json').version,
})

const rank = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 }
const issues = result.issues.map((issue) => ({
  id: issue.id,
  severity: issue.severity.name ?? String(issue.severity),
  confidence: issue.confidence.name ?? String(issue.confidence),
  file: issue.file,
  line: issue.location?.line,
  manualReview: issue.manualReview === true,
}))
issues.sort((a, b) => (rank[b.severity] ?? 0) - (rank[a.severity] ?? 0))
for (const issue of issues) {
  process.stdout.write(
    `${issue.severity.padEnd(13)} ${issue.confidence.padEnd(10)} ${issue.id} ${issue.file}:${issue.line}${issue.manualReview ? ' (review)' : ''}\n`,
  )
}
const unparsed = result.errors.filter((e) => !e.tolerable)
for (const error of unparsed)
  process.stdout.write(`UNPARSED ${relative(root, error.file)}: ${error.message}\n`)
const high = issues.filter((i) => i.severity === 'HIGH')
process.stdout.write(
  `\nelectronegativity: ${result.atomicChecks + result.globalChecks} checks, ${issues.length} findings ` +
    `(${high.length} high), ${unparsed.length} unparsed files\n`,
)
process.exit(high.length > 0 || unparsed.length > 0 ? 1 : 0)
