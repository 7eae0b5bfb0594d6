// Platform accounts. Display data lives in `accounts`; the secret (token, API key) only as
// ciphertext in `account_secrets`, and is never written to the audit log.
import type { Database } from 'better-sqlite3';
import type { PlatformName } from '../core/domain.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import type { SecretCipher } from './secrets.ts';
import { prepared } from './statements.ts';

export interface Account {
  readonly id: string;
  readonly platform: PlatformName;
  readonly baseUrl: string;
  readonly displayName: string;
  readonly createdAt: string;
}

export interface Actor {
  readonly actor: string;
  readonly deviceId: string;
}

export function addAccount(
  db: Database,
  input: { platform: PlatformName; baseUrl: string; displayName: string; secret: string },
  cipher: SecretCipher,
  who: Actor,
  clock: Clock,
): Account {
  const account: Account = {
    id: newId(),
    platform: input.platform,
    baseUrl: input.baseUrl,
    displayName: input.displayName,
    createdAt: isoNow(clock),
  };
  db.transaction(() => {
    prepared(db, 'INSERT INTO accounts (id, platform, base_url, display_name, created_at) VALUES (?, ?, ?, ?, ?)').run(
      account.id,
      account.platform,
      account.baseUrl,
      account.displayName,
      account.createdAt,
    );
    writeSecret(db, account.id, input.secret, cipher, clock);
    appendAudit(db, { ...who, action: 'account.add', subject: account.id, details: { platform: account.platform, baseUrl: account.baseUrl } }, clock);
  })();
  return account;
}

export function writeSecret(db: Database, accountId: string, secret: string, cipher: SecretCipher, clock: Clock): void {
  prepared(
    db,
    `INSERT INTO account_secrets (account_id, scheme, ciphertext, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET scheme = excluded.scheme, ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`,
  ).run(accountId, cipher.scheme, cipher.encrypt(secret), isoNow(clock));
}

export function readSecret(db: Database, accountId: string, cipher: SecretCipher): string | null {
  const row = prepared(db, 'SELECT ciphertext FROM account_secrets WHERE account_id = ?').get(accountId) as
    | { ciphertext: Buffer }
    | undefined;
  return row ? cipher.decrypt(row.ciphertext) : null;
}

export function listAccounts(db: Database): Account[] {
  return prepared(
    db,
    'SELECT id, platform, base_url AS baseUrl, display_name AS displayName, created_at AS createdAt FROM accounts ORDER BY created_at, id',
  ).all() as Account[];
}

export function removeAccount(db: Database, accountId: string, who: Actor, clock: Clock): boolean {
  return db.transaction(() => {
    const removed = prepared(db, 'DELETE FROM accounts WHERE id = ?').run(accountId).changes === 1;
    if (removed) appendAudit(db, { ...who, action: 'account.remove', subject: accountId }, clock);
    return removed;
  })();
}
