// Account secrets on the desktop are encrypted with the OS keychain (Electron safeStorage).
import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../src/backend/openBackend.ts';

export function safeStorageCipher(storage: SafeStorage): SecretCipher {
  return {
    scheme: 'electron-safe-storage',
    encrypt: (plaintext) => storage.encryptString(plaintext),
    decrypt: (ciphertext) => storage.decryptString(ciphertext),
  };
}
