// Which cipher protects desktop secrets: never Linux's basic_text safeStorage backend.
import { describe, expect, it } from 'vitest';
import { chooseCipher } from '../../../electron/cipherChoice.ts';

describe('chooseCipher', () => {
  it('refuses the basic_text backend (a fixed key) and falls back to the key file with a warning', () => {
    const choice = chooseCipher('linux', true, 'basic_text');
    expect(choice.kind).toBe('key-file');
    expect(choice.kind === 'key-file' && choice.warning).toMatch(/keyring.*secret\.key/s);
    expect(chooseCipher('linux', true, 'unknown').kind).toBe('key-file');
    expect(chooseCipher('linux', true, null).kind).toBe('key-file');
  });

  it('uses a real keyring backend, naming it as the source', () => {
    expect(chooseCipher('linux', true, 'gnome_libsecret')).toEqual({ kind: 'safe-storage', source: 'Electron safeStorage (gnome_libsecret)' });
    expect(chooseCipher('linux', true, 'kwallet6')).toEqual({ kind: 'safe-storage', source: 'Electron safeStorage (kwallet6)' });
    expect(chooseCipher('darwin', true, null)).toEqual({ kind: 'safe-storage', source: 'Electron safeStorage (macOS Keychain)' });
    expect(chooseCipher('win32', true, null)).toEqual({ kind: 'safe-storage', source: 'Electron safeStorage (Windows DPAPI)' });
  });

  it('falls back to the key file with a warning when no encryption is available', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(chooseCipher(platform, false, 'gnome_libsecret')).toMatchObject({ kind: 'key-file', warning: expect.stringContaining('keychain is not available') });
    }
  });
});
