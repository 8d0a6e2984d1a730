/**
 * Where the studio keeps its data outside Electron (web mode), matching Electron's `userData`
 * folder for the product name so both shells share settings, drafts and job history.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

export const PRODUCT_NAME = 'Routilux Studio'

/** The per-user app-data folder for this platform. */
export function defaultAppDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME)
}
