/**
 * An example Routilux Studio plugin. Copy this folder into your plugins folder and reload plugins;
 * the two routine types below appear in the palette under "Text". See docs/plugins.md.
 *
 * The default export is a function of the plugin API (the engine pieces a plugin may use), returning
 * routine definitions. A plain definition or an array of definitions works too.
 */
export default function examplePlugin(api) {
  const reverse = {
    id: 'example.reverse',
    title: 'Reverse Text',
    category: 'text_processing',
    description: 'Reverses the text of the input (by characters), optionally upper-casing it.',
    icon: '⇆',
    configSchema: {
      type: 'object',
      properties: {
        uppercase: { type: 'boolean', title: 'Upper-case the result', default: false },
      },
    },
    slots: [
      {
        name: 'input',
        params: ['text'],
        handler: (data, ctx) => {
          if (typeof data.text !== 'string') {
            throw new api.RoutiluxError(
              api.ErrorCode.INVALID_ARGUMENT,
              'example.reverse needs a "text" string',
            )
          }
          const reversed = [...data.text].reverse().join('')
          ctx.emit('output', { text: ctx.config.uppercase ? reversed.toUpperCase() : reversed })
        },
      },
    ],
    events: [{ name: 'output', params: ['text'] }],
  }

  const wordCount = {
    id: 'example.word-count',
    title: 'Word Count',
    category: 'text_processing',
    description: 'Counts the words of the input text; words shorter than "min_length" are ignored.',
    version: 2,
    migrations: {
      // Version 1 called the option "min"; version 2 renamed it.
      1: (config) => {
        const { min, ...rest } = config
        return { ...rest, min_length: min ?? 1 }
      },
    },
    configSchema: {
      type: 'object',
      properties: {
        min_length: { type: 'integer', minimum: 1, title: 'Minimum word length', default: 1 },
      },
    },
    slots: [
      {
        name: 'input',
        params: ['text'],
        handler: (data, ctx) => {
          const words = String(data.text ?? '')
            .split(/\s+/)
            .filter((word) => word.length >= ctx.config.min_length)
          ctx.emit('output', { text: data.text, words: words.length })
        },
      },
    ],
    events: [{ name: 'output', params: ['text', 'words'] }],
  }

  return [reverse, wordCount]
}
