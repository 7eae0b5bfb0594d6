// The packaged app's Electron fuses, read and validated by electron-builder's own config loader
// (so a misspelt option name fails here, not silently at packaging time).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';

const ROOT = join(import.meta.dirname, '../../..');

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration that flips the hardening fuses', async () => {
    const config = await getConfig(ROOT, 'electron-builder.yml', null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('rejects a misspelt fuse, so the check above means something', async () => {
    const config = await getConfig(ROOT, 'electron-builder.yml', null);
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });
});
