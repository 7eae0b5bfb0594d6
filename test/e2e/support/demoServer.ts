// A served demo workspace — the built UI, the real server, and a workspace synced from the
// platform simulators exactly as `stoa demo` does — on a temporary folder.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDemoWorkspace, type DemoWorkspace } from '../../../src/backend/demoWorkspace.ts';
import { appRoot } from '../../../src/backend/paths.ts';
import { serveWorkspace, type ServedWorkspace } from '../../../src/server/main.ts';

export interface DemoServer {
  readonly url: string;
  readonly served: ServedWorkspace;
  readonly demo: DemoWorkspace;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const uiDir = join(appRoot(), 'out', 'renderer');
  if (!existsSync(join(uiDir, 'index.html'))) throw new Error('Build the UI first (npm run build); npm run test:e2e does.');
  const dataDir = join(mkdtempSync(join(tmpdir(), 'stoa-e2e-')), 'demo');
  const demo = await openDemoWorkspace(dataDir);
  const served = await serveWorkspace({ dataDir, uiDir }, demo.backend);
  return {
    url: served.server.url,
    served,
    demo,
    close: async () => {
      await served.close();
      await demo.simulators.close();
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    },
  };
}
