// Encryption of account secrets at rest. The database only ever holds ciphertext; the key comes
// from the host: Electron's safeStorage on a desktop, or a key file readable only by the user.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

export interface SecretCipher {
  /** Names the scheme stored beside each ciphertext, so a later key change can be detected. */
  readonly scheme: string;
  encrypt(plaintext: string): Buffer;
  decrypt(ciphertext: Buffer): string;
}

/**
 * A stored secret that cannot be read back: the key is missing, unreadable or not the one that
 * encrypted it, or the host's secret store refused. `source` names the key file or backend, and the
 * message says what to do, so any host can show it as one sentence.
 */
export class SecretUnavailableError extends Error {
  readonly code = 'secret_unavailable' as const;
  constructor(
    message: string,
    /** The key file path or the backend name (e.g. "Electron safeStorage (gnome_libsecret)"). */
    readonly source: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SecretUnavailableError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM: authenticated, so a tampered ciphertext fails instead of decrypting to junk. */
export function aesGcmCipher(key: Buffer, scheme = 'aes-256-gcm:keyfile', source = 'the secret key'): SecretCipher {
  if (key.length !== 32) throw new Error('A secret key must be 32 bytes.');
  return {
    scheme,
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(ciphertext) {
      try {
        const iv = ciphertext.subarray(0, IV_BYTES);
        const tag = ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new SecretUnavailableError(
          `A stored account secret cannot be decrypted with ${source}: the key changed or the data was altered. ` +
            'Restore the original key from a backup, or remove and reconnect the account.',
          source,
          { cause: error },
        );
      }
    },
  };
}

/**
 * The browser/CLI-mode key: a random 32-byte file created with mode 0600. A key file that other
 * users can read is tightened to 0600 before use, because otherwise the encryption protects nothing.
 */
export function keyFileCipher(path: string): SecretCipher {
  if (!existsSync(path)) writeFileSync(path, randomBytes(32), { mode: 0o600, flag: 'wx' });
  if (process.platform !== 'win32') {
    const mode = statSync(path).mode & 0o077;
    if (mode !== 0) {
      chmodSync(path, 0o600);
    }
  }
  return aesGcmCipher(readFileSync(path), undefined, `the key file ${path}`);
}
