// The desktop window's navigation and IPC decisions: only the exact trusted origins pass.
import { describe, expect, it } from 'vitest';
import { externalLinkTarget, isAllowedNavigation, isTrustedSender, originOf } from '../../../electron/navigationPolicy.ts';

const PACKAGED = ['app://stoa'];
const DEV = ['app://stoa', 'http://localhost:5173'];

describe('isAllowedNavigation', () => {
  it('allows pages of the app origin', () => {
    expect(isAllowedNavigation('app://stoa/index.html', PACKAGED)).toBe(true);
    expect(isAllowedNavigation('app://stoa/index.html#/queue', PACKAGED)).toBe(true);
  });

  it('refuses file:// (any file, not only the app shell), other hosts and schemes', () => {
    for (const url of [
      'file:///home/user/Downloads/evil.html',
      'file:///opt/stoa/resources/app.asar/out/renderer/index.html',
      'app://stoa.evil/index.html',
      'app://other/index.html',
      'https://stoa/index.html',
      'http://localhost:5173/',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url, PACKAGED), url).toBe(false);
    }
  });

  it('allows the dev server only when it is among the trusted origins, and only its exact port', () => {
    expect(isAllowedNavigation('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', DEV)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the main frame of a trusted page only', () => {
    expect(isTrustedSender('app://stoa/index.html', true, PACKAGED)).toBe(true);
    expect(isTrustedSender('app://stoa/index.html', false, PACKAGED)).toBe(false);
    expect(isTrustedSender('file:///tmp/evil.html', true, PACKAGED)).toBe(false);
    expect(isTrustedSender('https://attacker.example/', true, PACKAGED)).toBe(false);
    expect(isTrustedSender('about:blank', true, PACKAGED)).toBe(false);
    expect(isTrustedSender(null, true, PACKAGED)).toBe(false);
    expect(isTrustedSender(undefined, true, PACKAGED)).toBe(false);
  });
});

describe('originOf and externalLinkTarget', () => {
  it('builds origins for custom schemes, where URL.origin says "null"', () => {
    expect(new URL('app://stoa/x').origin).toBe('null');
    expect(originOf('app://stoa/x')).toBe('app://stoa');
    expect(originOf('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1:8080');
    expect(originOf('file:///etc/passwd')).toBeNull();
  });

  it('opens only https links outside the app', () => {
    expect(externalLinkTarget('https://www.reddit.com/r/x/comments/1')).toBe('https://www.reddit.com/r/x/comments/1');
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'app://stoa/', 'smb://host/share', 'https://user:pw@example.com/', 'nope']) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });
});
