// Opens a workspace with its sync service, for the CLI commands (one backend, closed after use).
import { mkdirSync } from 'node:fs';
import { openBackend, type Backend } from '../openBackend.ts';
import { resolveDataDir } from '../paths.ts';
import type { SyncService, SyncServiceOptions } from './service.ts';

export interface SyncWorkspace {
  readonly backend: Backend;
  readonly sync: SyncService;
  readonly dataDir: string;
  close(): Promise<void>;
}

export function openSyncWorkspace(dataDirFlag: string | undefined, options: SyncServiceOptions = {}): SyncWorkspace {
  const dataDir = resolveDataDir(dataDirFlag);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const backend = openBackend({ dataDir, host: 'in-process', sync: options });
  return { backend, sync: backend.sync, dataDir, close: () => backend.close() };
}
