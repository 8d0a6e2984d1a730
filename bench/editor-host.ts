/**
 * A real web-mode host for the editor benchmark: `scripts/web.mjs` (what `npm run web` runs) on a
 * free port with a temporary workspace and app-data folder, serving the built renderer.
 */
import { rm } from 'node:fs/promises'
import {
  assertWebModeBuilt,
  makeWebHostFolders,
  startWebHostProcess,
} from '../electron/web/testing/web-host-process'

export interface BenchHost {
  /** Page URL with the access token. */
  readonly url: string
  readonly workspace: string
  close(): Promise<void>
}

/** Starts the host; fails with a hint when the app has not been built. */
export async function startBenchHost(): Promise<BenchHost> {
  assertWebModeBuilt()
  const folders = await makeWebHostFolders('routilux-bench-')
  const host = await startWebHostProcess(folders)
  return {
    url: host.url,
    workspace: folders.workspace,
    async close() {
      await host.stop()
      await rm(folders.root, { recursive: true, force: true })
    },
  }
}
