// Which cipher protects account secrets on the desktop. Electron's safeStorage is used only when it
// is backed by a real keychain: on Linux without GNOME Keyring or KWallet it falls back to
// "basic_text", a fixed key compiled into Chromium, which protects nothing; then Stoa's own key file
// (owner-only, in the data folder) is used instead, with a warning the person sees.
import type { SafeStorage } from 'electron';

export type StorageBackend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

export type CipherChoice =
  | { readonly kind: 'safe-storage'; readonly source: string }
  | { readonly kind: 'key-file'; readonly warning: string };

const KEY_FILE_NOTE = 'Stoa encrypts account secrets with its own key file (secret.key in its data folder) instead; keep that file private and backed up.';

export function chooseCipher(platform: NodeJS.Platform, encryptionAvailable: boolean, linuxBackend: StorageBackend | null): CipherChoice {
  if (!encryptionAvailable) return { kind: 'key-file', warning: `The system keychain is not available. ${KEY_FILE_NOTE}` };
  if (platform !== 'linux') return { kind: 'safe-storage', source: `Electron safeStorage (${platform === 'darwin' ? 'macOS Keychain' : 'Windows DPAPI'})` };
  if (linuxBackend === 'basic_text' || linuxBackend === 'unknown' || linuxBackend === null) {
    return {
      kind: 'key-file',
      warning: `No system keyring (GNOME Keyring or KWallet) was found, so the system would store secrets under a fixed key. ${KEY_FILE_NOTE}`,
    };
  }
  return { kind: 'safe-storage', source: `Electron safeStorage (${linuxBackend})` };
}
