// The app:// handler over real files: only the renderer folder is served, with the CSP header.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, resolveAppProtocolPath, serveAppRequest } from '../../../electron/appProtocol.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();

function renderer(): { root: string; outside: string } {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Stoa</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.key'), 'outside the renderer folder');
  return { root, outside: join(dir, 'secret.key') };
}

describe('resolveAppProtocolPath', () => {
  it('maps app://stoa paths inside the renderer folder, / to the app shell', () => {
    const root = '/opt/stoa/renderer';
    expect(resolveAppProtocolPath(root, 'app://stoa/')).toBe('/opt/stoa/renderer/index.html');
    expect(resolveAppProtocolPath(root, APP_ENTRY_URL)).toBe('/opt/stoa/renderer/index.html');
    expect(resolveAppProtocolPath(root, 'app://stoa/assets/app.js?v=1#x')).toBe('/opt/stoa/renderer/assets/app.js');
    expect(resolveAppProtocolPath(root, 'app://stoa/assets/a%20b.css')).toBe('/opt/stoa/renderer/assets/a b.css');
  });

  it('refuses other schemes and hosts, bad escapes and NUL bytes', () => {
    const root = '/opt/stoa/renderer';
    for (const url of ['file:///opt/stoa/renderer/index.html', 'app://other/index.html', 'https://stoa/index.html', 'app://stoa/%zz', 'app://stoa/index.html%00.js', 'not a url']) {
      expect(resolveAppProtocolPath(root, url), url).toBeNull();
    }
  });

  it('keeps every traversal attempt inside the renderer folder', () => {
    const root = '/opt/stoa/renderer';
    for (const url of ['app://stoa/../secret.key', 'app://stoa/%2e%2e/secret.key', 'app://stoa/assets/..%2f..%2f..%2fsecret.key', 'app://stoa/..%5c..%5csecret.key', 'app://stoa//etc/passwd']) {
      const file = resolveAppProtocolPath(root, url);
      expect(file === null || file.startsWith(`${root}/`), `${url} → ${file}`).toBe(true);
    }
  });
});

describe('serveAppRequest', () => {
  it('serves a file with its type, the CSP and nosniff', async () => {
    const { root } = renderer();
    const page = await serveAppRequest(root, APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Stoa</title>');
    const script = await serveAppRequest(root, 'app://stoa/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 (with the CSP) for missing files, folders and anything outside, and 405 for writes', async () => {
    const { root, outside } = renderer();
    symlinkSync(outside, join(root, 'assets', 'link.txt'));
    for (const url of ['app://stoa/missing.js', 'app://stoa/assets', 'app://stoa/../secret.key', 'app://stoa/assets/link.txt', 'app://evil/index.html']) {
      const answer = await serveAppRequest(root, url);
      expect(answer.status, url).toBe(404);
      expect(answer.headers.get('content-security-policy'), url).toContain("default-src 'self'");
      expect(await answer.text(), url).not.toContain('outside the renderer folder');
    }
    expect((await serveAppRequest(root, APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await serveAppRequest(root, APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
