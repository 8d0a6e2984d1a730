/**
 * Finds plugin entry files in a plugins folder: `*.mjs` / `*.js` files directly inside it, and
 * folders with a `package.json` (`main`) or an `index.mjs` / `index.js`.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** An entry file, or a folder that has none. */
export type Discovered = { readonly file: string } | { readonly problem: string; readonly path: string }

const MODULE_EXTENSIONS = ['.mjs', '.js']

/** Plugin entries of `dir` in name order; a missing folder has none. */
export async function discoverPlugins(dir: string): Promise<Discovered[]> {
  let names: string[]
  try {
    names = (await readdir(dir)).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const found: Discovered[] = []
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue
    const path = join(dir, name)
    const info = await stat(path)
    if (info.isFile()) {
      if (MODULE_EXTENSIONS.some((ext) => name.endsWith(ext))) found.push({ file: path })
    } else if (info.isDirectory()) {
      found.push(await folderEntry(path))
    }
  }
  return found
}

async function folderEntry(folder: string): Promise<Discovered> {
  try {
    const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as { main?: unknown }
    if (typeof manifest.main === 'string') return { file: join(folder, manifest.main) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT')
      return {
        path: join(folder, 'package.json'),
        problem: `unreadable package.json: ${(error as Error).message}`,
      }
  }
  for (const candidate of ['index.mjs', 'index.js']) {
    try {
      if ((await stat(join(folder, candidate))).isFile()) return { file: join(folder, candidate) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return { path: folder, problem: 'no entry file: add index.mjs, or a package.json with "main"' }
}
