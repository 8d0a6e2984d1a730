/** Props shared by every generated form field. */
import type { ReactNode } from 'react'
import type { JsonSchema } from '../../../engine/routines/descriptor'
import type { PathKey } from './value-path'

export interface FieldProps {
  readonly schema: JsonSchema
  readonly path: readonly PathKey[]
  readonly value: unknown
  readonly onChange: (path: readonly PathKey[], value: unknown) => void
  /** Validation messages by JSON path (`$.routes[0].name`). */
  readonly issues: ReadonlyMap<string, readonly string[]>
  /** Unique prefix for element ids (labels point at inputs). */
  readonly idPrefix: string
  /** Renders a nested field (passed down instead of imported, so fields and containers stay acyclic). */
  readonly Field: FieldComponent
}

export type FieldComponent = (props: FieldProps & { required?: boolean }) => ReactNode

/** The element id of the input for `path`. */
export function inputId(props: Pick<FieldProps, 'idPrefix' | 'path'>): string {
  return `${props.idPrefix}-${props.path.join('-')}`
}
