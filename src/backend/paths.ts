// Where a workspace lives: the OS's app-data folder (the same folder Electron's userData uses for
// "Stoa"), unless --data-dir or STOA_DATA_DIR says otherwise.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Stoa';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.STOA_DATA_DIR ?? defaultDataDir(process.platform, env));
}

export const databaseFileIn = (dataDir: string): string => join(dataDir, 'workspace.sqlite');
export const keyFileIn = (dataDir: string): string => join(dataDir, 'secret.key');

/** The repository (or unpacked app) root, two levels above this file in source form. */
export const appRoot = (): string => resolve(import.meta.dirname, '../..');
export const defaultModelsDir = (): string => join(appRoot(), 'models');
export const defaultResourcesDir = (): string => join(appRoot(), 'resources');
/** The audit log's anchor and its key: beside the database, never inside it (see store/auditAnchor.ts). */
export const auditAnchorFilesIn = (dataDir: string): { keyFile: string; anchorFile: string } => ({
  keyFile: join(dataDir, 'audit.key'),
  anchorFile: join(dataDir, 'audit-anchor.json'),
});
