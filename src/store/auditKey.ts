// The audit key: 32 random bytes in a 0600 file beside the database (never inside it). From it
// come the HMAC key that seals the anchor and an Ed25519 key pair that signs exported heads: the
// public half can be handed to anyone who should be able to check an exported head.
// It is a plain key file on every host, not the SecretCipher: the desktop app and the CLI must both
// be able to extend the same log, and safeStorage ciphertext can only be read by the desktop app.
import { createHmac, createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';

const KEY_BYTES = 32;
// The fixed ASN.1 prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface AuditKey {
  readonly macKey: Buffer;
  readonly signingKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** The audit key file cannot be used; the message names it and says what to do. */
export class AuditKeyError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

export function readAuditKey(file: string): AuditKey {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size !== KEY_BYTES) throw new AuditKeyError(file, `The audit key ${file} is not a ${KEY_BYTES}-byte key file; restore it from a backup.`);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) chmodSync(file, 0o600);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof AuditKeyError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new AuditKeyError(
      file,
      code === 'ENOENT'
        ? `The audit key ${file} is missing, so the audit anchor cannot be checked; restore it from a backup.`
        : `Stoa cannot read the audit key ${file} (${code}).`,
    );
  }
  return deriveKeys(bytes);
}

/** Reads the key, creating it first when it does not exist and `mayCreate` says that is safe. */
export function auditKeyFrom(file: string, options: { mayCreate: boolean }): AuditKey {
  if (options.mayCreate && !statSync(file, { throwIfNoEntry: false })) {
    writeFileSync(file, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
    if (process.platform !== 'win32') chmodSync(file, 0o600);
  }
  return readAuditKey(file);
}

// Deriving the Ed25519 pair costs milliseconds and the anchor is resealed after every commit; the
// file is still read each time, so a replaced key is noticed at once.
let lastDerived: { secret: Buffer; key: AuditKey } | null = null;

function deriveKeys(secret: Buffer): AuditKey {
  if (lastDerived?.secret.equals(secret)) return lastDerived.key;
  const key = deriveFresh(secret);
  lastDerived = { secret, key };
  return key;
}

function deriveFresh(secret: Buffer): AuditKey {
  // Separate keys per use, derived so that one file is all there is to back up.
  const derive = (label: string): Buffer => createHmac('sha256', secret).update(label).digest();
  const signingKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, derive('stoa audit head signing v1')]), format: 'der', type: 'pkcs8' });
  return { macKey: derive('stoa audit anchor mac v1'), signingKey, publicKey: createPublicKey(signingKey) };
}

/** The public key as base64 SPKI DER, the form an exported head carries. */
export const publicKeyText = (key: AuditKey): string => key.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
