export { WorkerScriptRunner, type WorkerScriptRunnerOptions } from './script/worker-script-runner'
