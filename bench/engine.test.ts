import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseArgs } from './lib/harness'

const REQUIRED_KEYS = [
  'chain_hop_us',
  'fanout_events_per_s',
  'completion_latency_ms',
  'io_efficiency_w16',
  'io_efficiency_w64',
  'cpu_speedup',
  'snapshot_roundtrip_ms',
  'fanout_peak_heap_mb',
]

describe('bench:engine', () => {
  it('prints every workload table and, last, a JSON object with all required keys (quick mode)', () => {
    const script = fileURLToPath(new URL('./engine.ts', import.meta.url))
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--quick', '--json'], {
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(result.stderr).not.toMatch(/Error/)
    expect(result.status).toBe(0)
    const lines = result.stdout.trim().split('\n')
    const json = JSON.parse(lines.at(-1) ?? '') as Record<string, unknown>
    for (const key of REQUIRED_KEYS) expect(typeof json[key], key).toBe('number')
    for (const title of [
      '(a) Linear chain',
      '(b) Fan-out',
      '(c) I/O-bound',
      '(d) CPU-bound',
      '(e) Serialization',
      '(f) Memory',
    ]) {
      expect(result.stdout).toContain(`#### ${title}`)
    }
    expect(result.stdout).toContain('Headline')
  }, 150_000)

  it('rejects unknown arguments', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown argument/)
    expect(parseArgs(['--quick', '--only', 'a,c', '--cpu-iters', '5000'])).toEqual({
      json: false,
      quick: true,
      noGc: false,
      cpuIters: 5000,
      only: ['a', 'c'],
    })
  })
})
