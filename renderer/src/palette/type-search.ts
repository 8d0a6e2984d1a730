/** Searching routine types for the palette and the quick-add box. */
import { type RoutineTypeDescriptor, resolvePorts } from '../../../engine/routines/descriptor'
import { categoryLabel, categoryRank } from '../canvas/category-style'

/** Types matching every word of `query` (title, type id, category, description), best first. */
export function searchTypes(types: readonly RoutineTypeDescriptor[], query: string): RoutineTypeDescriptor[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const visible = types.filter((t) => !t.placeholder)
  if (words.length === 0) return sortTypes(visible)
  const scored: { t: RoutineTypeDescriptor; score: number }[] = []
  for (const t of visible) {
    const title = t.title.toLowerCase()
    const type = t.type.toLowerCase()
    const haystack = `${title} ${type} ${categoryLabel(t.category).toLowerCase()} ${t.description.toLowerCase()}`
    if (!words.every((w) => haystack.includes(w))) continue
    const first = words[0] ?? ''
    const score = title.startsWith(first) ? 0 : type.includes(first) || title.includes(first) ? 1 : 2
    scored.push({ t, score })
  }
  return scored.sort((a, b) => a.score - b.score || a.t.title.localeCompare(b.t.title)).map((x) => x.t)
}

/** Types grouped by category in palette order. */
export function groupByCategory(
  types: readonly RoutineTypeDescriptor[],
): { category: string; types: RoutineTypeDescriptor[] }[] {
  const groups = new Map<string, RoutineTypeDescriptor[]>()
  for (const t of sortTypes(types)) {
    const list = groups.get(t.category) ?? []
    list.push(t)
    groups.set(t.category, list)
  }
  return [...groups].map(([category, list]) => ({ category, types: list }))
}

/** Only types that can take part in a connection from the given side (quick-add after a drop). */
export function connectableTypes(
  types: readonly RoutineTypeDescriptor[],
  from: { event?: string; slot?: string } | undefined,
): RoutineTypeDescriptor[] {
  if (!from) return [...types]
  return types.filter((t) => {
    const ports = resolvePorts(t, t.defaults)
    return from.event !== undefined ? ports.slots.length > 0 : ports.events.length > 0
  })
}

function sortTypes(types: readonly RoutineTypeDescriptor[]): RoutineTypeDescriptor[] {
  return [...types].sort(
    (a, b) =>
      categoryRank(a.category) - categoryRank(b.category) ||
      a.category.localeCompare(b.category) ||
      a.title.localeCompare(b.title),
  )
}
