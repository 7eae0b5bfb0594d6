// Serves the built UI (out/renderer); the security headers (CSP, nosniff) are already set on every
// response by the server. Paths are resolved inside the UI folder only; anything else is a 404, and
// a path that is not valid percent-encoding is a 400.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { uiAssetType } from '../api/uiAssetTypes.ts';

export function serveStatic(uiDir: string, urlPath: string, res: ServerResponse): void {
  const root = resolve(uiDir);
  const decoded = decodePath(urlPath);
  if (decoded === null) return answerText(res, 400, 'The address is not valid (bad percent-encoding).');
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  let file = resolve(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return notFound(res);
  if (!existsSync(file) || statSync(file).isDirectory()) {
    // The UI is a single page: unknown paths without an extension get the app shell.
    file = extname(relative) ? '' : join(root, 'index.html');
  }
  if (!file || !existsSync(file)) {
    if (!existsSync(join(root, 'index.html'))) {
      return answerText(res, 503, 'The Stoa UI has not been built yet. Run `npm run build`, then start Stoa again.');
    }
    return notFound(res);
  }
  const stream = createReadStream(file);
  // An unreadable file (permissions, removed mid-request) ends this response, not the process.
  stream.on('error', () => (res.headersSent ? res.destroy() : answerText(res, 500, 'This file cannot be read.')));
  stream.once('open', () => {
    res.writeHead(200, {
      'content-type': uiAssetType(extname(file)),
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    // pipeline closes the file if the client goes away mid-transfer.
    pipeline(stream, res, () => undefined);
  });
}

function decodePath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return null;
  }
}

function answerText(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${message}\n`);
}

const notFound = (res: ServerResponse): void => answerText(res, 404, 'Not found');
