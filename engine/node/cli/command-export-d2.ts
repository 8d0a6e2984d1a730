/**
 * `routilux export-d2 FILE [--style default|compact|detailed] [-o OUT.d2] [--svg OUT.svg]`: the D2
 * source of a flow to stdout or a file, and optionally the SVG the D2 compiler renders from it.
 */
import { parseArgs } from 'node:util'
import { D2_STYLES, type D2Style, exportD2 } from '../../d2/d2-export'
import { D2Renderer } from '../d2/d2-renderer'
import { checkFile, printProblems } from './check'
import { single } from './command-validate'
import { assertNotInput, type CliIo, EXIT, UsageError, writeOutput } from './io'
import type { CliRuntime } from './runtime'

/** Usage text of `export-d2`. */
export const EXPORT_D2_USAGE = `Usage: routilux export-d2 FILE [--style default|compact|detailed] [-o OUT.d2] [--svg OUT.svg]

Writes the flow as D2 to stdout (or to OUT.d2 with -o); --svg also renders it to SVG with the
D2 compiler. Exit 2 when the document cannot be loaded.

  --style STYLE   default (routines with slots and events), compact (one box per routine),
                  detailed (types, configs, error strategies, parameters, levels)
  -o, --output    write the D2 source to this file instead of stdout
  --svg FILE      render SVG to this file`

/** Runs `export-d2`. */
export async function exportD2Command(args: string[], io: CliIo, runtime: CliRuntime): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      style: { type: 'string' },
      output: { type: 'string', short: 'o' },
      svg: { type: 'string' },
    },
  })
  const file = single(positionals)
  const style = (values.style ?? 'default') as D2Style
  if (!D2_STYLES.includes(style))
    throw new UsageError(`unknown style "${values.style}"; use ${D2_STYLES.join(', ')}`)
  await assertNotInput(io, file, values.output)
  await assertNotInput(io, file, values.svg)
  const checked = await checkFile(io, runtime, file)
  if (!checked.document) {
    printProblems(io, checked.problems)
    return EXIT.USAGE
  }
  const text = exportD2(checked.document, { style, descriptors: runtime.descriptors })
  if (values.output !== undefined) await writeOutput(io, values.output, text)
  else if (values.svg === undefined) io.stdout.write(text)
  if (values.svg !== undefined) {
    const renderer = new D2Renderer()
    try {
      await writeOutput(io, values.svg, await renderer.renderSvg(text))
    } finally {
      await renderer.dispose()
    }
  }
  return EXIT.OK
}
