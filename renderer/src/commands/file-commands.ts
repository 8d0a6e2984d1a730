/** File commands: new, open, save, examples, export. */
import type { Command } from './command-context'

export const fileCommands: readonly Command[] = [
  {
    id: 'file.new',
    label: 'New flow',
    group: 'File',
    keys: ['Alt+N'],
    run: ({ store }) =>
      store.getState().guardUnsaved('Start a new flow', () => store.getState().newDocument()),
  },
  {
    id: 'file.open',
    label: 'Open…',
    group: 'File',
    keys: ['Mod+O'],
    inFields: true,
    run: ({ store }) =>
      store.getState().guardUnsaved('Open another flow', () => void store.getState().openWithDialog()),
  },
  {
    id: 'file.openRecent',
    label: 'Open recent',
    group: 'File',
    run: ({ store }, path) => {
      if (path) store.getState().guardUnsaved('Open another flow', () => void store.getState().openPath(path))
    },
  },
  {
    id: 'file.openPath',
    label: 'Open path',
    group: 'File',
    run: ({ store }, path) => {
      if (path) store.getState().guardUnsaved('Open another flow', () => void store.getState().openPath(path))
    },
  },
  {
    id: 'file.openExample',
    label: 'Open example…',
    group: 'File',
    run: ({ store }, id) => {
      if (id) store.getState().guardUnsaved('Open the example', () => void store.getState().openExample(id))
      else store.getState().openDialog({ kind: 'examples' })
    },
  },
  {
    id: 'file.save',
    label: 'Save',
    group: 'File',
    keys: ['Mod+S'],
    inFields: true,
    run: ({ store }) => void store.getState().save(),
  },
  {
    id: 'file.saveAs',
    label: 'Save as…',
    group: 'File',
    keys: ['Mod+Shift+S'],
    inFields: true,
    run: ({ store }) => void store.getState().saveAs(),
  },
  {
    id: 'file.exportD2',
    label: 'Export D2 diagram…',
    group: 'File',
    keys: ['Mod+E'],
    run: ({ store }) => store.getState().openDialog({ kind: 'd2' }),
  },
  {
    id: 'file.exportSvg',
    label: 'Export SVG…',
    group: 'File',
    run: ({ store }) => store.getState().openDialog({ kind: 'd2' }),
  },
  {
    id: 'app.saveBeforeClose',
    label: 'Save before closing',
    group: 'File',
    run: ({ store }) => {
      void store
        .getState()
        .save()
        .finally(() => store.getState().reportDocumentState(true))
    },
  },
]
