import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAccount, listAccounts, readSecret, removeAccount } from '../../../src/store/accounts.ts';
import { verifyAudit } from '../../../src/store/audit.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { setMediaHost } from '../../../src/sync/mediaHostConfig.ts';
import { aesGcmCipher, keyFileCipher, SecretUnavailableError, storedSecretsExist } from '../../../src/store/secrets.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
const who = { actor: 'owner', deviceId: 'device-1' };
const SECRET = 'reddit-refresh-token-5f1c2a9b7e';

describe('account secrets', () => {
  it('stores only ciphertext: the secret is not in the database file, the WAL or the audit log', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'w.sqlite'));
    const cipher = keyFileCipher(join(dir, 'secret.key'));
    const account = addAccount(db, { platform: 'reddit', baseUrl: 'https://oauth.reddit.com', displayName: 'r/beauty mods', secret: SECRET }, cipher, who, fixedClock());
    expect(readSecret(db, account.id, cipher)).toBe(SECRET);
    expect(listAccounts(db)).toEqual([account]);
    db.pragma('wal_checkpoint(FULL)');
    for (const file of ['w.sqlite', 'w.sqlite-wal']) {
      expect(readFileSync(join(dir, file)).includes(Buffer.from(SECRET))).toBe(false);
    }
    const auditText = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    expect(auditText).not.toContain(SECRET);
    expect(verifyAudit(db).ok).toBe(true);
    db.close();
  });

  it('creates the key file readable by the user only, on the first secret', () => {
    const dir = tempDir();
    const cipher = keyFileCipher(join(dir, 'secret.key'));
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
    const previous = process.umask(0o000);
    try {
      cipher.encrypt(SECRET);
    } finally {
      process.umask(previous);
    }
    if (process.platform !== 'win32') expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('never creates a key while encrypted secrets exist', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'w.sqlite'));
    const keyFile = join(dir, 'secret.key');
    addAccount(db, { platform: 'reddit', baseUrl: 'https://oauth.reddit.com', displayName: 'r/x', secret: SECRET }, keyFileCipher(keyFile), who, fixedClock());
    rmSync(keyFile);
    const cipher = keyFileCipher(keyFile, { secretsExist: () => storedSecretsExist(db) });
    expect(() => cipher.encrypt('another secret')).toThrow(new RegExp(`The key file ${keyFile} is missing`));
    expect(existsSync(keyFile)).toBe(false);
    db.close();
  });

  it('never creates a key while the media host token is the only secret', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'w.sqlite'));
    const keyFile = join(dir, 'secret.key');
    expect(storedSecretsExist(db)).toBe(false);
    setMediaHost(db, keyFileCipher(keyFile), { uploadUrl: 'https://media.example.com/upload', publicBase: 'https://media.example.com/p', token: 'tok-123' });
    expect(storedSecretsExist(db)).toBe(true);
    rmSync(keyFile);
    const cipher = keyFileCipher(keyFile, { secretsExist: () => storedSecretsExist(db) });
    expect(() => cipher.encrypt('another secret')).toThrow(/is missing; it encrypts the credentials this workspace stores \(its accounts' and its media host's\)/);
    expect(existsSync(keyFile)).toBe(false);
    db.close();
  });

  it('refuses to decrypt with another key or altered ciphertext', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'w.sqlite'));
    const a = aesGcmCipher(Buffer.alloc(32, 1));
    const b = aesGcmCipher(Buffer.alloc(32, 2));
    const account = addAccount(db, { platform: 'discourse', baseUrl: 'https://forum.example', displayName: 'Forum', secret: SECRET }, a, who, fixedClock());
    expect(() => readSecret(db, account.id, b)).toThrow(SecretUnavailableError);
    const tampered = a.encrypt(SECRET);
    tampered.writeUInt8((tampered.at(-1) ?? 0) ^ 0xff, tampered.length - 1);
    expect(() => a.decrypt(tampered)).toThrow(SecretUnavailableError);
    db.close();
  });

  it('removes an account with its secret', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    const cipher = aesGcmCipher(Buffer.alloc(32, 3));
    const account = addAccount(db, { platform: 'youtube', baseUrl: 'https://www.googleapis.com', displayName: 'Channel', secret: SECRET }, cipher, who, fixedClock());
    expect(removeAccount(db, account.id, who, fixedClock())).toBe(true);
    expect(readSecret(db, account.id, cipher)).toBeNull();
    expect(removeAccount(db, account.id, who, fixedClock())).toBe(false);
    db.close();
  });
});

describe('SecretUnavailableError', () => {
  it('carries a stable code and names the key file it could not use', () => {
    const dir = tempDir();
    const keyFile = join(dir, 'secret.key');
    const cipher = keyFileCipher(keyFile);
    const ciphertext = cipher.encrypt(SECRET);
    ciphertext.writeUInt8((ciphertext.at(-1) ?? 0) ^ 0xff, ciphertext.length - 1);
    let caught: unknown;
    try {
      cipher.decrypt(ciphertext);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SecretUnavailableError);
    const error = caught as SecretUnavailableError;
    expect(error.code).toBe('secret_unavailable');
    expect(error.source).toContain(keyFile);
    expect(error.message).toContain(keyFile);
  });
});
