/** State and actions of the validation slice (see validation-slice.ts): live problems. */
import type { Problem } from '../../../engine/document/types'
import type { ProblemIndex } from '../canvas/flow-mapper'

export interface ValidationSlice {
  /** Problems of the open document: live validation plus what only loading could find. */
  problems: readonly Problem[]
  problemIndex: ProblemIndex
  /** Re-validates the document now (the store also does it shortly after every change). */
  validateNow(): Promise<void>
}
