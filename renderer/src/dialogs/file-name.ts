/** Checks a file name typed in the workspace browser before it is sent to the host. */

/** Why `name` cannot be used as a file name in the browser's folder, or null when it can. */
export function fileNameError(name: string): string | null {
  if (name === '') return 'Enter a file name.'
  // A backslash is a folder separator on Windows, and the host reads it as one everywhere.
  if (name.includes('/') || name.includes('\\')) return 'Enter a file name without folders.'
  // The browser hides dot files (the studio's own temporary files are among them).
  if (name.startsWith('.')) return 'A file name cannot start with a dot: the file would be hidden.'
  return null
}
