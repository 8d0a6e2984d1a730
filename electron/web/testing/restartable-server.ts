/**
 * A web server over a temporary host for bridge tests, that a test stops and starts again (on the
 * same port, with the same or another token) to play a host restart. Everything is closed and
 * removed when the test ends.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { createTempHost, type TempHost } from '../../host/testing/temp-host'
import { type RunningWebServer, startWebServer } from '../web-server'

export interface RestartableServer {
  /** The host behind every start. */
  readonly temp: TempHost
  /** Starts the server with `token`, on `port` when given (a restart), else on a free port. */
  start(token: string, port?: number): Promise<RunningWebServer>
  /** Stops the running server; the host stays up. */
  stop(): Promise<void>
}

/** A host and a static folder for the running test, with a web server started on demand. */
export async function restartableServer(): Promise<RestartableServer> {
  const temp = await createTempHost()
  const staticDir = await mkdtemp(join(tmpdir(), 'static-'))
  await writeFile(join(staticDir, 'index.html'), '<!doctype html>')
  let server: RunningWebServer | undefined
  const stop = async () => {
    await server?.close()
    server = undefined
  }
  onTestFinished(async () => {
    await stop()
    await temp.close()
    await rm(staticDir, { recursive: true, force: true })
  })
  return {
    temp,
    async start(token, port) {
      server = await startWebServer({
        endpoint: temp.host.endpoint,
        staticDir,
        token,
        maxMessageBytes: 1024 * 1024,
        ...(port !== undefined && { port }),
      })
      return server
    },
    stop,
  }
}
