// A real backend on a temporary data dir, reachable through either transport, for contract tests.
import { join } from 'node:path';
import { createClient, type StoaClient } from '../../src/api/client.ts';
import { inProcessTransport } from '../../src/api/inProcess.ts';
import { openBackend, type Backend } from '../../src/backend/openBackend.ts';
import { serveWorkspace } from '../../src/server/main.ts';
import { httpTransport } from '../../src/ui/transport/http.ts';
import { fixedClock } from './fixedClock.ts';

export type TransportKind = 'in-process' | 'http';

export interface TestWorkspace {
  readonly client: StoaClient;
  readonly backend: Backend;
  close(): Promise<void>;
}

export async function openTestWorkspace(dataDir: string, kind: TransportKind): Promise<TestWorkspace> {
  const backend = openBackend({ dataDir, host: kind === 'http' ? 'server' : 'in-process', clock: fixedClock(), modelsDir: join(dataDir, 'no-models') });
  if (kind === 'in-process') {
    return { client: createClient(inProcessTransport(backend.handlers, backend.events)), backend, close: async () => backend.close() };
  }
  const token = 'test-token-0123456789';
  const served = await serveWorkspace({ dataDir, token }, backend);
  return {
    client: createClient(httpTransport(token, undefined, served.server.origin)),
    backend,
    close: () => served.close(),
  };
}
