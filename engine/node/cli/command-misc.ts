/**
 * `routilux schema [-o FILE] [--id]` prints the flow document JSON Schema (the published
 * resources/flow.schema.json); `routilux import FILE [-o OUT]` converts a Python Routilux flow into a
 * document, reporting what could not be carried over.
 */
import { parseArgs } from 'node:util'
import { parsePythonFlow } from '../../document/python-import'
import { saveDocument } from '../../document/save'
import { FLOW_SCHEMA_ID, flowDocumentSchema } from '../../document/schema'
import { countProblems, printProblems } from './check'
import { single } from './command-validate'
import { assertNotInput, type CliIo, EXIT, readFlowFile, UsageError, writeOutput } from './io'
import type { CliRuntime } from './runtime'

/** Usage text of `schema`. */
export const SCHEMA_USAGE = `Usage: routilux schema [-o FILE] [--id]

Prints the JSON Schema of flow documents (or writes it to FILE); --id prints only its identifier,
${FLOW_SCHEMA_ID}, which saved documents carry as "$schema". The identifier is a
name, not a download location: for editor completion and checks, write the schema next to your
flows (routilux schema -o flow.schema.json) and point "$schema" at that file (Routilux Studio keeps
the reference a file names), or map *.routilux.json to it in the editor's settings.`

/** Usage text of `import`. */
export const IMPORT_USAGE = `Usage: routilux import FILE [-o OUT.routilux.json]

Converts a flow serialised by Python Routilux (Flow.serialize()) into a document, printed to stdout
or written to OUT. Problems (placeholders, ambiguous connections, untranslated conditions) go to
stderr. Exit 0 when nothing needs attention, 1 when something does, 2 when it cannot be read.`

/** Runs `schema`. */
export async function schemaCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, id: { type: 'boolean' } },
  })
  if (positionals.length > 0) throw new UsageError('schema takes no FILE; use -o FILE')
  const text = values.id ? `${FLOW_SCHEMA_ID}\n` : `${JSON.stringify(flowDocumentSchema, null, 2)}\n`
  if (values.output !== undefined) await writeOutput(io, values.output, text)
  else io.stdout.write(text)
  return EXIT.OK
}

/** Runs `import`. */
export async function importCommand(args: string[], io: CliIo, runtime: CliRuntime): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' } },
  })
  const file = single(positionals)
  await assertNotInput(io, file, values.output)
  const result = parsePythonFlow(await readFlowFile(io, file), { descriptors: runtime.descriptors })
  const report = { ...io, stdout: io.stderr }
  printProblems(report, result.problems)
  if (!result.document) return EXIT.USAGE
  const text = saveDocument(result.document)
  if (values.output !== undefined) await writeOutput(io, values.output, text)
  else io.stdout.write(text)
  const attention = result.problems.filter((p) => p.severity !== 'info')
  if (attention.length > 0) io.stderr.write(`${file}: imported with ${countProblems(attention)}\n`)
  return attention.length > 0 ? EXIT.FAILED : EXIT.OK
}
