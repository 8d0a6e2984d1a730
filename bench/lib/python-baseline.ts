/**
 * Figures of the Python original (routilux 0.10.0 at 690c807) on this kind of machine: the "median of
 * runs" column of python-baseline.md, in the same units as our report.
 */
export const PYTHON = {
  chainDoneMs10: 1.396,
  chainDoneMs100: 6.43,
  chainHopUsNaive10: 155.1,
  chainHopUsNaive100: 64.9,
  chainHopUsMarginal: 55.9,
  chainExecWaitMs10: 352.1,
  chainExecReturnsMs10: 0.405,
  fanoutEventsPerSecSeq: 15_085,
  fanoutEventsPerSecConc4: 15_420,
  fanoutDoneMsSeq: 662.9,
  fanoutDoneMsConc4: 648.5,
  fanoutExecWaitMsSeq: 1_004.7,
  fanoutExecWaitMsConc4: 996.6,
  /** From the detailed run-3 table: `execute()` returned (the source finished emitting). */
  fanoutExecReturnsMsSeq: 612.5,
  fanoutExecReturnsMsConc4: 627.5,
  ioDoneMs: { 4: 256.9, 16: 72.5, 64: 23.7, sequential: 1_028.4 } as Record<string, number>,
  cpuDoneMsSeq: 431.5,
  cpuDoneMsConc4: 406.9,
  cpuDirectLoopMs: 403.6,
  cpuSpeedup: 1.06,
  cpuIters: 774_000,
  /** Completion reported by `wait_for_completion` after the last handler (api − done, chain N=10). */
  completionLatencyMs: 352.1 - 1.396,
  snapshotSerializeEncodeMs: 3.81,
  snapshotDecodeDeserializeMs: 2.41,
  /** Run-3 detail: serialize + encode + decode + deserialize. */
  snapshotRoundtripMs: 6.222,
  snapshotBytes: 136_337,
  /** tracemalloc peak over baseline and peak RSS growth, KiB. */
  memPeakHeapKiBSeq: 24_093,
  memPeakHeapKiBConc4: 10_454,
  memRetainedKiBSeq: 5_280,
  memRetainedKiBConc4: 5_201,
  memRssGrowthKiBSeq: 9_708,
  memRssGrowthKiBConc4: 12_492,
  memPeakRssKiBSeq: 32_444,
  memPeakRssKiBConc4: 35_268,
} as const
