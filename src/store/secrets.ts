// Encryption of account secrets at rest. The database only ever holds ciphertext; the key comes
// from the host: Electron's safeStorage on a desktop, or a key file readable only by the user.
import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';

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
  if (key.length !== 32) throw new SecretUnavailableError(`A secret key must be 32 bytes (${source} is ${key.length}).`, source);
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

export interface KeyFileOptions {
  /**
   * Whether the workspace already holds ciphertext. Then a missing key is an error, never replaced by
   * a new one: a new key cannot decrypt the old secrets, and the accounts would fail silently.
   */
  readonly secretsExist?: () => boolean;
}

const KEY_BYTES = 32;
const KEY_SCHEME = 'aes-256-gcm:keyfile';

/**
 * The browser/CLI-mode key: a random 32-byte file created with mode 0600. It is read on first use,
 * so a damaged key stops only what needs a secret (sync, account tests), not the whole workspace.
 * A key file that other users can read is tightened to 0600, because otherwise it protects nothing.
 */
export function keyFileCipher(path: string, options: KeyFileOptions = {}): SecretCipher {
  let loaded: SecretCipher | null = null;
  const secretsExist = options.secretsExist ?? (() => false);
  const load = (mayCreate: boolean): SecretCipher => {
    loaded ??= aesGcmCipher(readKeyFile(path, mayCreate && !secretsExist(), secretsExist), KEY_SCHEME, `the key file ${path}`);
    return loaded;
  };
  return {
    scheme: KEY_SCHEME,
    encrypt: (plaintext) => load(true).encrypt(plaintext),
    // Something to decrypt means a secret exists, so a missing key is never created here.
    decrypt: (ciphertext) => load(false).decrypt(ciphertext),
  };
}

function readKeyFile(path: string, mayCreate: boolean, secretsExist: () => boolean): Buffer {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) {
    if (!mayCreate) {
      throw new SecretUnavailableError(
        `The key file ${path} is missing; it encrypts the credentials this workspace stores (its accounts' and its media host's), so Stoa will not make a new one: ` +
          'restore secret.key from a backup into that folder, or remove and reconnect the accounts (stoa accounts remove ID, then stoa accounts add).',
        path,
      );
    }
    return createKeyFile(path);
  }
  const remedy = secretsExist()
    ? 'restore the original from a backup, or remove and reconnect the accounts (stoa accounts remove ID, then stoa accounts add)'
    : 'no account uses it yet, so move it aside and Stoa will make a new one';
  if (!stat.isFile()) throw new SecretUnavailableError(`The key file ${path} is not a file (it is a folder or a device); ${remedy}.`, path);
  if (stat.size !== KEY_BYTES) {
    throw new SecretUnavailableError(`The key file ${path} holds ${stat.size} bytes, not the ${KEY_BYTES} of a Stoa key, so it is damaged or not a Stoa key; ${remedy}.`, path);
  }
  let key: Buffer;
  try {
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) chmodSync(path, 0o600);
    key = readFileSync(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new SecretUnavailableError(`Stoa cannot read the key file ${path} (${code}); give this user read and write access to it, or ${remedy}.`, path, { cause: error });
  }
  if (key.length !== KEY_BYTES) throw new SecretUnavailableError(`The key file ${path} changed while Stoa read it; run the command again.`, path);
  return key;
}

function createKeyFile(path: string): Buffer {
  const key = randomBytes(KEY_BYTES);
  try {
    writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
    // The umask can only remove bits; this also covers file systems that ignore the mode at creation.
    if (process.platform !== 'win32') chmodSync(path, 0o600);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new SecretUnavailableError(`Stoa cannot create the key file ${path} (${code}); make its folder writable for this user, or choose another --data-dir.`, path, { cause: error });
  }
  return key;
}

/**
 * Whether any secret is stored — an account's, or the publishing media host's token (kept in
 * settings by src/sync/mediaHostConfig.ts): then a missing key must not be replaced.
 */
export const storedSecretsExist = (db: Database): boolean =>
  prepared(db, 'SELECT 1 FROM account_secrets LIMIT 1').get() !== undefined ||
  prepared(db, "SELECT 1 FROM settings WHERE key = 'publishing.mediaHost' AND json_type(value, '$.token') = 'object'").get() !== undefined ||
  // A team hub's join URL (store/hubLink.ts).
  prepared(db, 'SELECT 1 FROM hub_link LIMIT 1').get() !== undefined;
