import { describe, expect, it } from 'vitest'
import { flowRoundtripWorkload, serflowDocument } from './flow-roundtrip'

describe('workload (e), flow half', () => {
  it('generates the serflow flow of workloads.md: 100 routines, 99 chain and 51 skip edges', () => {
    const doc = serflowDocument()
    expect(doc.routines).toHaveLength(100)
    expect(doc.connections).toHaveLength(150)
    expect(doc.connections[0]).toMatchObject({ source: { routine: 'r000' }, target: { routine: 'r001' } })
    expect(doc.connections[98]).toMatchObject({ source: { routine: 'r098' }, target: { routine: 'r099' } })
    expect(doc.connections[99]).toMatchObject({ source: { routine: 'r000' }, target: { routine: 'r002' } })
    expect(doc.connections[149]).toMatchObject({ source: { routine: 'r050' }, target: { routine: 'r052' } })
  })

  it('reports roundtrip_ms and every connection restored exactly', async () => {
    const report = await flowRoundtripWorkload({ quick: true, noGc: true, log: () => undefined })
    expect(typeof report.json.roundtrip_ms).toBe('number')
    expect(report.json.roundtrip_connections_exact).toBe(1)
    expect(report.tables[0]?.rows[0]?.at(-1)).toBe('150/150')
  })
})
