/**
 * The recent-files list (most recent first, at most 20), persisted in the app-data folder. Paths in
 * it stay granted across restarts in the desktop app, so "Open Recent" works without a dialog.
 */
import { stat } from 'node:fs/promises'
import { z } from 'zod'
import type { RecentEntry } from '../../ipc/contract'
import { readJsonFile, writeJsonFile } from '../files/json-file'
import { isInside, type PathPolicy } from '../files/path-policy'

const MAX_ENTRIES = 20

const fileSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ absolute: z.string(), name: z.string(), openedAt: z.number() })),
})
type Stored = z.infer<typeof fileSchema>['entries'][number]

export class RecentFiles {
  readonly #file: string
  readonly #policy: PathPolicy
  #entries: Stored[] = []

  readonly #onChange: (() => void) | undefined

  constructor(file: string, policy: PathPolicy, onChange?: () => void) {
    this.#file = file
    this.#policy = policy
    this.#onChange = onChange
  }

  async load(): Promise<void> {
    const parsed = fileSchema.safeParse(await readJsonFile(this.#file, { version: 1, entries: [] }))
    this.#entries = parsed.success ? parsed.data.entries.slice(0, MAX_ENTRIES) : []
    for (const entry of this.#entries) this.#policy.grant(entry.absolute)
  }

  async add(absolute: string, name: string, now: number): Promise<void> {
    this.#entries = [
      { absolute, name, openedAt: now },
      ...this.#entries.filter((e) => e.absolute !== absolute),
    ].slice(0, MAX_ENTRIES)
    await this.#save()
  }

  async clear(): Promise<void> {
    this.#entries = []
    await this.#save()
  }

  async list(): Promise<RecentEntry[]> {
    // The app-data folder outlives a workspace: files of another workspace cannot be opened here.
    const root = this.#policy.kind === 'workspace' ? this.#policy.root : null
    const reachable = this.#entries.filter((entry) => root === null || isInside(root, entry.absolute))
    return Promise.all(
      reachable.map(async (entry) => ({
        path: this.#policy.toDocPath(entry.absolute),
        name: entry.name,
        openedAt: entry.openedAt,
        exists: await stat(entry.absolute).then(
          (s) => s.isFile(),
          () => false,
        ),
      })),
    )
  }

  async #save(): Promise<void> {
    this.#onChange?.()
    await writeJsonFile(this.#file, { version: 1, entries: this.#entries } satisfies z.infer<
      typeof fileSchema
    >)
  }
}
