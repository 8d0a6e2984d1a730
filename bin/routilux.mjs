#!/usr/bin/env node
// Launcher of the `routilux` command: registers tsx (a runtime dependency) so the TypeScript
// sources run as they are, then starts the command line.
import { register } from 'tsx/esm/api'

register()
await import('../engine/node/cli/main.ts')
