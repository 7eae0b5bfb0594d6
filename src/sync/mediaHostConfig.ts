// The workspace's public media host: where renditions are uploaded (HTTP PUT to
// `<uploadUrl>/<sha256>.<ext>`) and the public address Instagram fetches them from
// (`<publicBase>/<sha256>.<ext>`). Meta cURLs image_url from its own servers, so a file on this
// desktop cannot be published; schedulers host the image themselves, and so does Stoa. The bearer
// token is encrypted with the workspace's secret cipher like account secrets; SQLite holds only
// ciphertext.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { SecretCipher } from '../store/secrets.ts';
import { deleteSetting, getSetting, setSetting } from '../store/settings.ts';

const SETTING = 'publishing.mediaHost';

export interface MediaHostConfig {
  readonly uploadUrl: string;
  readonly publicBase: string;
  /** The bearer token in clear, only in memory. */
  readonly token: string | null;
}

/** What may be shown: never the token, only whether there is one. */
export interface MediaHostView {
  readonly uploadUrl: string;
  readonly publicBase: string;
  readonly hasToken: boolean;
}

const storedSchema = z.object({
  uploadUrl: z.string(),
  publicBase: z.string(),
  token: z.object({ scheme: z.string(), ciphertext: z.string() }).nullable(),
});

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The URL as given, checked: http(s), no query or fragment (names are appended to it). */
function checkedUrl(label: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new MediaHostError(`The ${label} ${JSON.stringify(raw)} is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new MediaHostError(`The ${label} must start with https:// (or http://), not ${url.protocol}.`);
  if (url.search || url.hash) throw new MediaHostError(`The ${label} must not have a query or fragment: Stoa adds /<sha256>.<ext> to it.`);
  return trimSlash(url.toString());
}

export class MediaHostError extends Error {
  readonly code = 'invalid_input' as const;
  override readonly name = 'MediaHostError';
}

/** `token`: a string sets it, null removes it, undefined keeps the stored one (editing only the URLs). */
export function setMediaHost(db: Database, cipher: SecretCipher, input: { uploadUrl: string; publicBase: string; token?: string | null | undefined }): MediaHostView {
  const uploadUrl = checkedUrl('upload URL', input.uploadUrl);
  const publicBase = checkedUrl('public base URL', input.publicBase);
  if (new URL(publicBase).protocol !== 'https:' && !isLoopback(publicBase)) throw new MediaHostError('The public base URL must be https://: Instagram fetches images only from public HTTPS addresses.');
  const given = input.token === undefined ? undefined : input.token?.trim() ? input.token.trim() : null;
  if (given && /\s/.test(given)) throw new MediaHostError('The token must be one line without spaces.');
  const token = given === undefined ? (stored(db)?.token ?? null) : given === null ? null : { scheme: cipher.scheme, ciphertext: cipher.encrypt(given).toString('base64') };
  setSetting(db, SETTING, { uploadUrl, publicBase, token });
  return { uploadUrl, publicBase, hasToken: token !== null };
}

export function clearMediaHost(db: Database): boolean {
  const had = getSetting(db, SETTING) !== undefined;
  deleteSetting(db, SETTING);
  return had;
}

function stored(db: Database) {
  const parsed = storedSchema.safeParse(getSetting<unknown>(db, SETTING));
  return parsed.success ? parsed.data : null;
}

export function mediaHostView(db: Database): MediaHostView | null {
  const s = stored(db);
  return s ? { uploadUrl: s.uploadUrl, publicBase: s.publicBase, hasToken: s.token !== null } : null;
}

/** The configured host with its token decrypted; throws SecretUnavailableError when the key is gone. */
export function readMediaHost(db: Database, cipher: SecretCipher | undefined): MediaHostConfig | null {
  const s = stored(db);
  if (!s) return null;
  if (s.token && !cipher) throw new MediaHostError('The media host token cannot be read here (no secret key).');
  return { uploadUrl: s.uploadUrl, publicBase: s.publicBase, token: s.token && cipher ? cipher.decrypt(Buffer.from(s.token.ciphertext, 'base64')) : null };
}

/** Loopback is allowed over http: the simulator's own media host, and a test server. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** The simulator host's own media route, for a demo or test workspace on the simulator. */
export const simMediaHostOf = (simulatorRoot: string): MediaHostConfig => {
  const base = `${trimSlash(simulatorRoot)}/__sim/media-host`;
  return { uploadUrl: base, publicBase: base, token: null };
};
