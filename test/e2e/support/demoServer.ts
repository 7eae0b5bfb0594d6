// A served demo workspace (the built UI + the real server + the real demo seed) on a temp dir.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDemoWorkspace } from '../../../src/backend/demoWorkspace.ts';
import { openBackend } from '../../../src/backend/openBackend.ts';
import { appRoot } from '../../../src/backend/paths.ts';
import { serveWorkspace, type ServedWorkspace } from '../../../src/server/main.ts';

export interface DemoServer {
  readonly url: string;
  readonly served: ServedWorkspace;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const uiDir = join(appRoot(), 'out', 'renderer');
  if (!existsSync(join(uiDir, 'index.html'))) throw new Error('Build the UI first (npm run build); npm run test:e2e does.');
  const dataDir = mkdtempSync(join(tmpdir(), 'stoa-e2e-'));
  const backend = openBackend({ dataDir, host: 'server' });
  ensureDemoWorkspace(backend.context);
  const served = await serveWorkspace({ dataDir, uiDir }, backend);
  return {
    url: served.server.url,
    served,
    close: async () => {
      await served.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
