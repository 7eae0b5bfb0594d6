// What the desktop host takes from its environment. A packaged app ignores the developer variables:
// ELECTRON_RENDERER_URL would load the UI (with its API bridge) from any address, and
// STOA_SQLITE_BINDING would load a native library from any path.
import { APP_ENTRY_URL, APP_ORIGIN } from './appProtocol.ts';
import { originOf } from './navigationPolicy.ts';

export interface LaunchOptions {
  /** What the window loads first. */
  readonly rendererUrl: string;
  /** Origins the window may show and accept API calls from. */
  readonly trustedOrigins: readonly string[];
  readonly sqliteBinding: string | null;
  readonly dataDir: string | null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function readLaunchOptions(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): LaunchOptions {
  const devUrl = isPackaged ? undefined : devServerUrl(env['ELECTRON_RENDERER_URL']);
  const devOrigin = devUrl === undefined ? null : originOf(devUrl);
  return {
    rendererUrl: devUrl ?? APP_ENTRY_URL,
    trustedOrigins: devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin],
    sqliteBinding: isPackaged ? null : (env['STOA_SQLITE_BINDING'] || null),
    dataDir: env['STOA_DATA_DIR'] || null,
  };
}

/** electron-vite's dev server runs on loopback over http; anything else is not a dev server. */
function devServerUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
