// What the desktop host takes from its environment, packaged and not.
import { describe, expect, it } from 'vitest';
import { readLaunchOptions } from '../../../electron/launchOptions.ts';

const DEV_ENV = { ELECTRON_RENDERER_URL: 'http://localhost:5173', STOA_SQLITE_BINDING: '/tmp/evil.node', STOA_DATA_DIR: '/tmp/stoa-data' };

describe('readLaunchOptions', () => {
  it('ignores ELECTRON_RENDERER_URL and STOA_SQLITE_BINDING in a packaged app', () => {
    expect(readLaunchOptions(true, DEV_ENV)).toEqual({ rendererUrl: 'app://stoa/index.html', trustedOrigins: ['app://stoa'], sqliteBinding: null, dataDir: '/tmp/stoa-data' });
  });

  it('loads the dev server when unpackaged, and trusts its origin too', () => {
    expect(readLaunchOptions(false, DEV_ENV)).toEqual({
      rendererUrl: 'http://localhost:5173/',
      trustedOrigins: ['app://stoa', 'http://localhost:5173'],
      sqliteBinding: '/tmp/evil.node',
      dataDir: '/tmp/stoa-data',
    });
  });

  it('takes only a loopback http address as the dev server', () => {
    for (const url of ['https://attacker.example', 'http://192.168.1.5:5173', 'file:///tmp/index.html', 'javascript:alert(1)', 'garbage']) {
      expect(readLaunchOptions(false, { ELECTRON_RENDERER_URL: url }), url).toMatchObject({ rendererUrl: 'app://stoa/index.html', trustedOrigins: ['app://stoa'] });
    }
    expect(readLaunchOptions(false, {})).toEqual({ rendererUrl: 'app://stoa/index.html', trustedOrigins: ['app://stoa'], sqliteBinding: null, dataDir: null });
  });
});
