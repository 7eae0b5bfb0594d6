// safeStorage decryption failures become the typed "secret unavailable" error, which the backend
// turns into an `unavailable` answer (reconnect the account) instead of an internal error.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SafeStorage } from 'electron';
import { createClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { openBackend, SecretUnavailableError, type Backend } from '../../../src/backend/openBackend.ts';
import { safeStorageCipher } from '../../../electron/safeStorageCipher.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
let backend: Backend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

type Keychain = Pick<SafeStorage, 'encryptString' | 'decryptString'>;

/** Stands in for the OS keychain behind safeStorage (no Electron binary here): AES-GCM under its own key. */
function keychain(key = randomBytes(32)): Keychain {
  return {
    encryptString: (plaintext) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      // Electron throws a plain Error when the keychain cannot decrypt; GCM does the same here.
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const SOURCE = 'Electron safeStorage (gnome_libsecret)';

describe('safeStorageCipher', () => {
  it('round-trips through the keychain', () => {
    const cipher = safeStorageCipher(keychain(), SOURCE);
    expect(cipher.decrypt(cipher.encrypt('refresh-token-1'))).toBe('refresh-token-1');
  });

  it('turns a decryption failure into SecretUnavailableError naming the backend', () => {
    const ciphertext = safeStorageCipher(keychain(), SOURCE).encrypt('refresh-token-1');
    const otherKeychain = safeStorageCipher(keychain(), SOURCE);
    let caught: unknown;
    try {
      otherKeychain.decrypt(ciphertext);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SecretUnavailableError);
    expect((caught as SecretUnavailableError).source).toBe(SOURCE);
    expect((caught as Error).message).toContain('reconnect the account');
    expect((caught as Error).cause).toBeInstanceOf(Error);
  });

  it('lets the backend answer "unavailable" for an account whose secret the keychain can no longer read', async () => {
    const dataDir = join(tempDir(), 'data');
    const open = (cipher: Keychain): Backend => openBackend({ dataDir, host: 'in-process', modelsDir: join(dataDir, 'no-models'), cipher: safeStorageCipher(cipher, SOURCE) });
    backend = open(keychain());
    const added = await createClient(inProcessTransport(backend.handlers, backend.events)).call('accounts.add', {
      platform: 'discourse',
      baseUrl: 'https://forum.example',
      displayName: 'Forum',
      credentials: { kind: 'api_key', apiKey: 'k-1', username: 'mod' },
    });
    if (!added.ok) throw new Error(added.error.message);
    await backend.close();

    backend = open(keychain());
    const client = createClient(inProcessTransport(backend.handlers, backend.events));
    expect(await client.call('accounts.test', { id: added.value.id })).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining(SOURCE) } });
    expect(await client.call('accounts.list', {})).toMatchObject({ ok: true, value: [{ id: added.value.id, credentialKind: null }] });
  });
});
