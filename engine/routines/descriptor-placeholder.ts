/**
 * The descriptor drawn for a routine whose type is not installed. Pure data (the renderer builds it
 * too): it has exactly the ports the document's connections use, so those connections still load.
 */
import type { RoutineTypeDescriptor } from './descriptor'

/** Ports a placeholder needs: the slots and events the document's connections reference. */
export interface PlaceholderPorts {
  readonly slots?: readonly string[]
  readonly events?: readonly string[]
}

/** A descriptor standing in for the unknown type `type`, with the given ports. */
export function placeholderDescriptor(type: string, ports: PlaceholderPorts = {}): RoutineTypeDescriptor {
  return {
    type,
    title: `Unknown: ${type}`,
    category: 'unknown',
    description: `The routine type "${type}" is not installed. Its config is kept; install the plugin that provides it or replace the routine.`,
    icon: '?',
    color: '#ef4444',
    version: 1,
    slots: unique(ports.slots).map((name) => ({ name, merge: 'override' as const })),
    events: unique(ports.events).map((name) => ({ name, params: [] })),
    configSchema: { type: 'object', additionalProperties: true },
    defaults: {},
    source: 'builtin',
    placeholder: true,
  }
}

function unique(names: readonly string[] = []): string[] {
  return [...new Set(names)]
}
