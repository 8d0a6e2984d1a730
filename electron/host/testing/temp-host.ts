/**
 * A `StudioHost` in fresh temporary folders (workspace, app data, examples), for tests. `restart()`
 * closes it and starts a new host on the same folders, as after quitting and reopening the app.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDocument, saveDocument } from '../../../engine/document/save'
import { StudioHost, type StudioHostOptions } from '../studio-host'

export interface TempHost {
  host: StudioHost
  readonly root: string
  readonly workspace: string
  readonly appData: string
  readonly examples: string
  restart(overrides?: Partial<StudioHostOptions>): Promise<StudioHost>
  close(): Promise<void>
}

export async function createTempHost(overrides: Partial<StudioHostOptions> = {}): Promise<TempHost> {
  const root = await mkdtemp(join(tmpdir(), 'studio-host-'))
  const workspace = join(root, 'workspace')
  const appData = join(root, 'app-data')
  const examples = join(root, 'examples')
  await mkdir(workspace, { recursive: true })
  await mkdir(examples, { recursive: true })
  const example = { ...createDocument('hello', 'Hello example'), description: 'A tiny example' }
  await writeFile(join(examples, 'hello.routilux.json'), saveDocument(example))
  const options = (extra: Partial<StudioHostOptions>): StudioHostOptions => ({
    appDataDir: appData,
    workspaceRoot: workspace,
    pathMode: 'workspace',
    examplesDir: examples,
    version: '0.0.0-test',
    capabilities: { nativeDialogs: false, workspaceBrowser: true, metricsEndpoint: true, windowShell: false },
    log: () => undefined,
    ...overrides,
    ...extra,
  })
  const temp: TempHost = {
    host: await StudioHost.create(options({})),
    root,
    workspace,
    appData,
    examples,
    async restart(extra = {}) {
      await temp.host.close()
      temp.host = await StudioHost.create(options(extra))
      return temp.host
    },
    async close() {
      await temp.host.close()
      await rm(root, { recursive: true, force: true })
    },
  }
  return temp
}
