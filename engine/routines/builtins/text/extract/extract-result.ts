/**
 * ResultExtractor's algorithm as a pure function: order the extractors, run them by strategy,
 * compute the confidence, fall back to the original input when nothing applies.
 */
import { ErrorCode, RoutiluxError } from '../../../../errors'
import { jsonType } from '../../shared/types'
import { EXTRACTORS, type Extraction, type ExtractorConfig } from './extractors'

/** The routine's output. */
export interface ExtractResult {
  readonly extracted_result: unknown
  readonly format: string
  readonly metadata: Record<string, unknown>
  readonly confidence: number
  readonly extraction_path: string[]
}

/** Options beyond the extractors' own: strategy, ordering, failure handling. */
export interface ExtractOptions extends ExtractorConfig {
  readonly strategy: 'auto' | 'priority' | 'first_match' | 'all'
  readonly extractor_priority: readonly string[]
  readonly continue_on_error: boolean
  readonly return_original_on_failure: boolean
}

/** Confidence as Routilux computes it, step by step so the floating-point values match. */
export function confidenceOf(extraction: Extraction): number {
  let confidence = 0.5
  const { result, format, metadata } = extraction
  if (typeof result === 'object' && result !== null) confidence += 0.2
  if (String(metadata.extraction_method ?? '').includes('code_block')) confidence += 0.1
  if (format === 'json' || format === 'yaml') confidence += 0.1
  if (!truthyResult(result)) confidence -= 0.3
  return Math.min(1, Math.max(0, confidence))
}

function truthyResult(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0
  return Boolean(value)
}

/** Runs the extractors on `data` and returns the result (or the fallback), or throws when told to. */
export function extractResult(data: unknown, options: ExtractOptions): ExtractResult {
  const ordered = [...EXTRACTORS].sort((a, b) => rank(a, options) - rank(b, options))
  const successes: ExtractResult[] = []
  const errors: Array<{ extractor: string; error: string }> = []
  for (const extractor of ordered) {
    let found: Extraction | undefined
    try {
      found = extractor.run(data, options)
    } catch (error) {
      errors.push({
        extractor: extractor.name,
        error: `Extractor '${extractor.name}' failed: ${(error as Error).message}`,
      })
      if (!options.continue_on_error) break
      continue
    }
    if (!found) continue
    successes.push({
      extracted_result: found.result,
      format: found.format,
      metadata: { ...found.metadata, extractor: extractor.name, strategy: options.strategy },
      confidence: confidenceOf(found),
      extraction_path: [extractor.name],
    })
    if (options.strategy !== 'all') break
  }
  if (options.strategy === 'all' && successes.length > 0) {
    return {
      extracted_result: successes.map((s) => s.extracted_result),
      format: 'multi',
      metadata: { extractions: successes, count: successes.length, errors },
      confidence: Math.max(...successes.map((s) => s.confidence)),
      extraction_path: successes.map((s) => s.extraction_path[0] as string),
    }
  }
  const first = successes[0]
  if (first) return first
  if (!options.return_original_on_failure) {
    throw new RoutiluxError(
      ErrorCode.HANDLER_ERROR,
      `All extractors failed. Errors: ${JSON.stringify(errors)}`,
      { errors },
    )
  }
  return {
    extracted_result: data,
    format: jsonType(data),
    metadata: { extraction_method: 'none', errors, original_type: jsonType(data) },
    confidence: 0,
    extraction_path: [],
  }
}

function rank(extractor: { name: string; rank: number }, options: ExtractOptions): number {
  if (options.extractor_priority.length === 0) return extractor.rank
  const index = options.extractor_priority.indexOf(extractor.name)
  return index === -1 ? 999 : index
}
