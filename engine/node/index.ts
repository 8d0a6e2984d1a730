export { HELP, runCli } from './cli/cli'
export { type CliIo, EXIT } from './cli/io'
export { D2_COMPILE_ERROR, type D2Diagnostic, D2Renderer } from './d2/d2-renderer'
export {
  type LoadedPlugins,
  type LoadPluginsOptions,
  loadPlugins,
  type PluginProblem,
} from './plugins/load-plugins'
export { PLUGIN_API_VERSION, type PluginApi, type PluginExport, pluginApi } from './plugins/plugin-api'
export { WorkerScriptRunner, type WorkerScriptRunnerOptions } from './script/worker-script-runner'
