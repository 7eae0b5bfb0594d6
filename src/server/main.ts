// Browser-mode composition root: open the backend for a data dir and serve it on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openBackend, type Backend } from '../backend/openBackend.ts';
import { appRoot } from '../backend/paths.ts';
import { startStoaServer, type RunningServer, type ServerLimits } from './httpServer.ts';

export interface ServeOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly token?: string;
  readonly uiDir?: string;
  readonly log?: (line: string) => void;
  readonly limits?: Partial<ServerLimits>;
}

export interface ServedWorkspace {
  readonly backend: Backend;
  readonly server: RunningServer;
  close(): Promise<void>;
}

export const newLaunchToken = (): string => randomBytes(24).toString('base64url');

export async function serveWorkspace(options: ServeOptions, backend = openBackend({ dataDir: options.dataDir, host: 'server' })): Promise<ServedWorkspace> {
  try {
    const server = await startStoaServer({
      handlers: backend.handlers,
      events: backend.events,
      token: options.token ?? process.env.STOA_TOKEN ?? newLaunchToken(),
      uiDir: options.uiDir ?? join(appRoot(), 'out', 'renderer'),
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.log ? { log: options.log } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    // Pull new items and replay the outbox every minute while served (skipped while offline).
    backend.sync.startBackground();
    return {
      backend,
      server,
      close: async () => {
        await server.close();
        await backend.close();
      },
    };
  } catch (error) {
    await backend.close();
    throw error;
  }
}
