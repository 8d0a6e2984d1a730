/** Run commands: the menu's Run items and their shortcuts (the same keys as the desktop menu). */
import type { Command } from '../commands/command-context'

export const runCommands: readonly Command[] = [
  {
    id: 'run.start',
    label: 'Start a run (or resume the paused one)',
    group: 'Run',
    keys: ['F5'],
    inFields: true,
    run: ({ store }) => {
      const s = store.getState()
      if (s.focusInfo?.status === 'paused') void s.resumeRun()
      else void s.startRun()
    },
  },
  {
    id: 'run.pause',
    label: 'Pause the run',
    group: 'Run',
    keys: ['F6'],
    inFields: true,
    run: ({ store }) => void store.getState().pauseRun(),
  },
  {
    id: 'run.resume',
    label: 'Resume the run',
    group: 'Run',
    keys: ['Shift+F5'],
    inFields: true,
    run: ({ store }) => void store.getState().resumeRun(),
  },
  {
    id: 'run.cancel',
    label: 'Cancel the run',
    group: 'Run',
    keys: ['Shift+F6'],
    inFields: true,
    run: ({ store }) => void store.getState().cancelRun(),
  },
  {
    id: 'run.clearOverlays',
    label: 'Clear the run overlays',
    group: 'Run',
    keys: ['Alt+Shift+O'],
    run: ({ store }) => store.getState().clearOverlays(),
  },
]
