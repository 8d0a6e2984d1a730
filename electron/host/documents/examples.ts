/**
 * The bundled example flows (`resources/examples/*.routilux.json`), listed by file and opened as
 * untitled documents.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DOCUMENT_EXTENSION } from '../../../engine/document/types'
import type { ExampleInfo } from '../../ipc/contract'
import { HostErrorCode } from '../../ipc/contract'
import { hostError } from '../../ipc/studio-error'
import { isMissing, listFolder } from '../files/if-present'
import { safeFileId } from '../files/safe-name'

export class ExampleLibrary {
  readonly #dir: string

  constructor(dir: string) {
    this.#dir = dir
  }

  async list(): Promise<ExampleInfo[]> {
    const names = await listFolder(this.#dir)
    const examples: ExampleInfo[] = []
    for (const file of names.filter((n) => n.endsWith(DOCUMENT_EXTENSION)).sort()) {
      const id = file.slice(0, -DOCUMENT_EXTENSION.length)
      const header = await this.#header(file)
      examples.push({ id, name: header.name ?? id, description: header.description ?? '' })
    }
    return examples
  }

  /** The example's file text. */
  async read(id: string): Promise<string> {
    const file = join(this.#dir, `${safeFileId(id, 'example id')}${DOCUMENT_EXTENSION}`)
    try {
      return await readFile(file, 'utf8')
    } catch (error) {
      if (isMissing(error)) throw hostError(HostErrorCode.NOT_FOUND, `No example ${id}`)
      throw error
    }
  }

  async #header(file: string): Promise<{ name?: string; description?: string }> {
    try {
      const value = JSON.parse(await readFile(join(this.#dir, file), 'utf8')) as Record<string, unknown>
      return {
        ...(typeof value.name === 'string' && { name: value.name }),
        ...(typeof value.description === 'string' && { description: value.description }),
      }
    } catch (error) {
      // A broken example still appears (opening it shows its problems); its file name stands in.
      if (error instanceof SyntaxError) return {}
      throw error
    }
  }
}
