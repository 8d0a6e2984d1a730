/**
 * The `routilux` command line: dispatches to a command, prints usage on bad arguments (exit 2) and
 * always releases what a command started (script workers, the D2 worker) before returning its exit
 * code. In-process and free of `process`, so tests call it directly.
 */
import { EXPORT_D2_USAGE, exportD2Command } from './command-export-d2'
import { IMPORT_USAGE, importCommand, SCHEMA_USAGE, schemaCommand } from './command-misc'
import { RUN_USAGE, runCommand } from './command-run'
import { VALIDATE_USAGE, validateCommand } from './command-validate'
import { type CliIo, EXIT, UsageError } from './io'
import { type CliRuntime, createRuntime } from './runtime'

type Command = (args: string[], io: CliIo, runtime: CliRuntime) => Promise<number>

const COMMANDS: Record<string, { run: Command; usage: string; summary: string }> = {
  validate: {
    run: validateCommand,
    usage: VALIDATE_USAGE,
    summary: 'check a flow file and list its problems',
  },
  'export-d2': { run: exportD2Command, usage: EXPORT_D2_USAGE, summary: 'export a flow as D2 (and SVG)' },
  run: { run: runCommand, usage: RUN_USAGE, summary: 'run one job of a flow and report it' },
  import: {
    run: importCommand,
    usage: IMPORT_USAGE,
    summary: 'convert a Python Routilux flow into a document',
  },
  schema: {
    run: (args, io) => schemaCommand(args, io),
    usage: SCHEMA_USAGE,
    summary: 'print the flow document JSON Schema',
  },
}

/** The overall help text. */
export const HELP = `Routilux Studio command line

Usage: routilux <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "routilux <command> --help" for a command's options.
Flow files are Routilux Studio documents (*.routilux.json) or flows serialised by Python Routilux.
Exit codes: 0 success, 1 problems found or the job failed, 2 bad usage or an unusable document.`

/** Runs the command line with `argv` (without the node and script paths); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? args[0] : undefined
    const command = topic !== undefined && Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined
    io.stdout.write(`${command ? command.usage : HELP}\n`)
    return name === undefined ? EXIT.USAGE : EXIT.OK
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('routilux 0.1.0\n')
    return EXIT.OK
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!command) {
    io.stderr.write(`routilux: unknown command "${name}"\n\n${HELP}\n`)
    return EXIT.USAGE
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${command.usage}\n`)
    return EXIT.OK
  }
  const runtime = createRuntime()
  try {
    return await command.run(args, io, runtime)
  } catch (error) {
    if (error instanceof UsageError || isArgumentError(error)) {
      io.stderr.write(`routilux ${name}: ${(error as Error).message}\n\n${command.usage}\n`)
      return EXIT.USAGE
    }
    throw error
  } finally {
    await runtime.dispose()
  }
}

/** Errors `node:util` parseArgs raises for unknown options and missing values. */
function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')
}
