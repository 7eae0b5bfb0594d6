// The app:// scheme the desktop window loads the UI from, instead of file://: one origin
// (app://stoa) that the navigation and IPC checks can name exactly, files confined to the built
// renderer folder, and the CSP sent as a real header. No Electron import: main.ts registers it.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../src/api/contentSecurityPolicy.ts';
import { uiAssetType } from '../src/api/uiAssetTypes.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'stoa';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Standard + secure: app://stoa gets a real origin, counts as a secure context, and may use fetch. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const HEADERS = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

/**
 * The file under `root` that `url` names, or null when it names none: another scheme or host, a
 * bad escape, or a path that leaves the folder. `/` is the app shell.
 */
export function resolveAppProtocolPath(root: string, url: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const relative = normalize(path).replace(/^([/\\])+/, '');
  const file = resolve(join(base, relative === '' ? 'index.html' : relative));
  return file.startsWith(base + sep) ? file : null;
}

/** The protocol handler's answer: the file with its type and the CSP, or a plain 404/405. */
export async function serveAppRequest(root: string, url: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return new Response('Method not allowed\n', { status: 405, headers: HEADERS });
  const file = resolveAppProtocolPath(root, url);
  if (file === null || !(await isFileInside(root, file))) return new Response('Not found\n', { status: 404, headers: HEADERS });
  const body = method === 'HEAD' ? null : await readFile(file);
  return new Response(body, { status: 200, headers: { ...HEADERS, 'content-type': uiAssetType(extname(file)) } });
}

/** A regular file whose real path (symlinks followed) is still inside root. */
async function isFileInside(root: string, path: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
    return realFile.startsWith(realRoot + sep) && (await stat(realFile)).isFile();
  } catch {
    return false;
  }
}
