/**
 * Layering rules (DESIGN §1). Do not relax these: the engine must stay free of UI and Electron so it
 * runs headless (CLI, web mode, tests), and the renderer must never reach the executor.
 */
// dependency-cruiser's swc parser has no TSX switch; without it every .tsx file fails to parse. Turn
// TSX on for .tsx files only (same parser, same rules, type-only imports still counted).
const swc = require('@swc/core')
const parseFileSync = swc.parseFileSync
swc.parseFileSync = (file, options) =>
  parseFileSync(file, String(file).endsWith('.tsx') ? { ...options, tsx: true } : options)

const uiOrElectronPackages =
  '^node_modules/(electron|react|react-dom|zustand|@xyflow|@codemirror|codemirror|uplot|elkjs)(/|$)'

module.exports = {
  forbidden: [
    {
      name: 'engine-not-to-app-layers',
      comment: 'engine/ imports only engine/ (and npm packages); never electron/ or renderer/.',
      severity: 'error',
      from: { path: '^engine/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'engine-no-ui-packages',
      comment: 'engine/ must not depend on UI or Electron packages.',
      severity: 'error',
      from: { path: '^engine/' },
      to: { path: uiOrElectronPackages },
    },
    {
      name: 'engine-core-no-node-builtins',
      comment: 'Node-only pieces (worker threads, file I/O) live in engine/node/, never in the core.',
      severity: 'error',
      from: { path: '^engine/', pathNot: '^engine/node/|\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-core-not-to-engine-node',
      comment: 'The core must not reach into the Node-only part of the engine.',
      severity: 'error',
      from: { path: '^engine/', pathNot: '^engine/node/|\\.test\\.ts$' },
      to: { path: '^engine/node/' },
    },
    {
      name: 'renderer-only-pure-engine',
      comment:
        'The renderer may import types and pure modules of engine/ (document schema/validation, D2 export, shared types); never the executor.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: {
        path: '^engine/',
        pathNot:
          '^engine/(types|events|errors|document/|d2/|routines/descriptor|routines/expression|routines/script-syntax)',
      },
    },
    {
      name: 'renderer-only-contract-from-electron',
      comment:
        'The renderer talks to the host only through the bridge; from electron/ it may use the contract.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/', pathNot: '^electron/ipc/(contract|schemas)\\.ts$' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs sandboxed; no Node built-ins.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'electron-package-only-in-shell',
      comment:
        'Only the thin Electron shell imports electron; raw ipcMain/ipcRenderer are further limited to the two IPC helper files (lint rule).',
      severity: 'error',
      from: {
        path: '^(electron|renderer)/',
        pathNot: '^electron/(ipc/main-ipc|preload)\\.ts$|^electron/main\\.ts$|^electron/app/',
      },
      to: { path: '^node_modules/electron(/|$)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(out|dist|node_modules|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
}
