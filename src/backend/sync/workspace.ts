// Opens a workspace with its sync service, for the CLI commands (one backend, closed after use).
import { mkdirSync } from 'node:fs';
import { openBackend, type Backend } from '../openBackend.ts';
import { resolveDataDir } from '../paths.ts';
import { SyncService, type SyncServiceOptions } from './service.ts';

export interface SyncWorkspace {
  readonly backend: Backend;
  readonly sync: SyncService;
  readonly dataDir: string;
  close(): void;
}

export function openSyncWorkspace(dataDirFlag: string | undefined, options: SyncServiceOptions = {}): SyncWorkspace {
  const dataDir = resolveDataDir(dataDirFlag);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const backend = openBackend({ dataDir, host: 'in-process' });
  const sync = new SyncService(backend.context, options);
  return {
    backend,
    sync,
    dataDir,
    close: () => {
      sync.stopBackground();
      backend.close();
    },
  };
}
