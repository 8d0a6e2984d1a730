/**
 * The plugin loader the host uses: the engine's Node plugin loader, with its problems turned into
 * the `Problem`s the palette shows.
 */
import type { Problem } from '../../../engine/document/types'
import { loadPlugins } from '../../../engine/node/plugins/load-plugins'
import type { PluginLoader } from './registry-manager'

export const loadNodePlugins: PluginLoader = async (dir, reserved) => {
  const loaded = await loadPlugins(dir, { reserved })
  const problems: Problem[] = loaded.problems.map((p) => ({
    severity: 'error',
    code: p.code,
    message: `${p.file}${p.type ? ` (${p.type})` : ''}: ${p.message}`,
    location: { path: '$' },
  }))
  return { definitions: loaded.definitions, problems }
}
