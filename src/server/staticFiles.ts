// Serves the built UI (out/renderer) with a strict Content-Security-Policy. Paths are resolved
// inside the UI folder only; anything else is a 404.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../api/contentSecurityPolicy.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export function serveStatic(uiDir: string, urlPath: string, res: ServerResponse): void {
  const root = resolve(uiDir);
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  let file = resolve(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return notFound(res);
  if (!existsSync(file) || statSync(file).isDirectory()) {
    // The UI is a single page: unknown paths without an extension get the app shell.
    file = extname(relative) ? '' : join(root, 'index.html');
  }
  if (!file || !existsSync(file)) {
    if (!existsSync(join(root, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The Stoa UI has not been built yet. Run `npm run build`, then start Stoa again.\n');
      return;
    }
    return notFound(res);
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(res);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}
