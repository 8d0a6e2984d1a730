/**
 * What the page tells a web-mode user whose host no longer accepts it (restarted with a new token, or
 * stopped): where to go, and what happens to the unsaved work still shown here. Drafts are kept by
 * the host in its app-data folder and offered for recovery by the next host that uses that folder;
 * edits made after the last draft exist only in this page.
 */

/** The headline of the notice. */
export const HOST_REFUSED_TITLE =
  'The studio host was restarted or stopped — open the new address printed in its terminal.'

/** The headline while the host has been unreachable for a while (still retrying). */
export const HOST_UNREACHABLE_TITLE =
  'The studio host is not reachable. If it was restarted, open the new address printed in its terminal; this page keeps trying to reconnect.'

/**
 * How long the host may be unreachable before the page says so. A restarted host on the default
 * port 0 listens on a new port, so the page never hears a refusal: only the silence tells.
 */
export const UNREACHABLE_AFTER_MS = 10_000

/** The sentence about the unsaved work, or null when the document has no unsaved changes. */
export function unsavedWorkNote(dirty: boolean, draftSavedAt: number | null): string | null {
  if (!dirty) return null
  if (draftSavedAt === null) {
    return 'Your unsaved changes were never kept as a draft: they exist only in this page. Download the flow to keep them.'
  }
  const time = new Date(draftSavedAt).toLocaleTimeString()
  return (
    `Your unsaved changes as of ${time} were kept as a draft: the studio at the new address offers it ` +
    'for recovery (when it uses the same app-data folder). Anything changed after that exists only in ' +
    'this page — download the flow to keep it.'
  )
}
