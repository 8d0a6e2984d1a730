/**
 * D2 export and SVG rendering for the host. Export is pure text generation; rendering goes through
 * one D2 compiler instance (a WASM worker) whose calls are queued, created on first use and
 * terminated on shutdown.
 */

import { exportD2 } from '../../../engine/d2/d2-export'
import type { RunOverlay } from '../../../engine/d2/overlay'
import type { FlowDocument } from '../../../engine/document/types'
import { D2Renderer } from '../../../engine/node/d2/d2-renderer'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import type { D2Style } from '../../ipc/contract'

export class D2Service {
  readonly #descriptors: () => readonly RoutineTypeDescriptor[]
  #renderer: D2Renderer | undefined

  constructor(descriptors: () => readonly RoutineTypeDescriptor[]) {
    this.#descriptors = descriptors
  }

  exportText(document: FlowDocument, style: D2Style, overlay?: RunOverlay): string {
    return exportD2(document, { style, descriptors: this.#descriptors(), ...(overlay && { overlay }) })
  }

  renderSvg(text: string): Promise<string> {
    this.#renderer ??= new D2Renderer()
    return this.#renderer.renderSvg(text)
  }

  async close(): Promise<void> {
    const renderer = this.#renderer
    this.#renderer = undefined
    await renderer?.dispose()
  }
}
