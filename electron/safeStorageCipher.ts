// Account secrets on the desktop encrypted with the OS keychain (Electron safeStorage). A secret the
// keychain cannot decrypt (locked, reset, another user) is the typed "secret unavailable" error, so
// the account shows "reconnect" instead of a crash.
import type { SafeStorage } from 'electron';
import { SecretUnavailableError, type SecretCipher } from '../src/backend/openBackend.ts';

export function safeStorageCipher(storage: Pick<SafeStorage, 'encryptString' | 'decryptString'>, source: string): SecretCipher {
  return {
    scheme: 'electron-safe-storage',
    encrypt: (plaintext) => storage.encryptString(plaintext),
    decrypt: (ciphertext) => {
      try {
        return storage.decryptString(ciphertext);
      } catch (error) {
        throw new SecretUnavailableError(
          `A stored account secret cannot be decrypted by ${source}: the keychain is locked or its key changed. ` +
            'Unlock the keychain and restart Stoa, or remove and reconnect the account.',
          source,
          { cause: error },
        );
      }
    },
  };
}
