// This workspace's link to a team hub: who it joined as, the encrypted join URL (database password
// and member token), the pull cursor and the last sync's outcome. Joining queues this device's
// earlier shared records for the hub; leaving forgets the link, its secret and what waits to go.
import type { Database } from 'better-sqlite3';
import { captureBackfill, HUB_CAPTURES } from './hubCaptures.ts';
import type { SecretCipher } from './secrets.ts';
import { prepared } from './statements.ts';

export interface HubLinkRow {
  readonly url: string;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly role: string;
  readonly device: string;
  readonly joinedAt: string;
  readonly cursor: number;
  readonly lastPushAt: string | null;
  readonly lastPullAt: string | null;
  readonly lastError: string | null;
  readonly refusedToken: boolean;
}

export interface NewHubLink {
  /** Redacted: no password, no token. */
  readonly url: string;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly role: string;
  readonly device: string;
  readonly joinedAt: string;
  /** The full join URL, stored only encrypted. */
  readonly joinUrl: string;
}

const COLUMNS = `url, workspace_id AS workspaceId, workspace_name AS workspaceName, member_id AS memberId, member_name AS memberName,
  role, device, joined_at AS joinedAt, cursor, last_push_at AS lastPushAt, last_pull_at AS lastPullAt, last_error AS lastError,
  refused_token AS refusedToken`;

export function getHubLink(db: Database): HubLinkRow | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM hub_link WHERE id = 1`).get() as (Omit<HubLinkRow, 'refusedToken'> & { refusedToken: number }) | undefined;
  return row ? { ...row, refusedToken: row.refusedToken === 1 } : null;
}

/** The decrypted join URL, or null when not linked. Throws SecretUnavailableError when the key cannot read it. */
export function hubJoinUrl(db: Database, cipher: SecretCipher): string | null {
  const row = prepared(db, 'SELECT secret FROM hub_link WHERE id = 1').get() as { secret: Buffer } | undefined;
  return row ? cipher.decrypt(row.secret) : null;
}

/**
 * Stores the link (replacing an earlier one) and queues this device's earlier records, in one
 * transaction. Joining another workspace than before starts the pull cursor again from zero.
 */
export function saveHubLink(db: Database, cipher: SecretCipher, link: NewHubLink): void {
  const secret = cipher.encrypt(link.joinUrl);
  db.transaction(() => {
    const before = getHubLink(db);
    const sameWorkspace = before?.workspaceId === link.workspaceId;
    if (!sameWorkspace) {
      prepared(db, 'DELETE FROM hub_outbox').run();
      prepared(db, 'DELETE FROM hub_parked').run();
    }
    prepared(db, 'DELETE FROM hub_link').run();
    prepared(
      db,
      `INSERT INTO hub_link (id, url, workspace_id, workspace_name, member_id, member_name, role, device, joined_at, secret_scheme, secret, cursor)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(link.url, link.workspaceId, link.workspaceName, link.memberId, link.memberName, link.role, link.device, link.joinedAt, cipher.scheme, secret, sameWorkspace ? before.cursor : 0);
    // Refused earlier by another role: a new member token gets another try.
    prepared(db, 'UPDATE hub_outbox SET refused = NULL WHERE hub_seq IS NULL').run();
    for (const capture of HUB_CAPTURES) if (capture.backfill) db.exec(captureBackfill(capture));
  })();
}

/** Forgets the link and its secret, and what was waiting to be pushed or applied. False when there was none. */
export function removeHubLink(db: Database): boolean {
  return db.transaction(() => {
    const gone = prepared(db, 'DELETE FROM hub_link').run().changes > 0;
    prepared(db, 'DELETE FROM hub_outbox').run();
    prepared(db, 'DELETE FROM hub_parked').run();
    return gone;
  })();
}

export function recordHubPush(db: Database, at: string): void {
  prepared(db, 'UPDATE hub_link SET last_push_at = ? WHERE id = 1').run(at);
}

export function recordHubOutcome(db: Database, outcome: { readonly error: string | null; readonly refusedToken: boolean }): void {
  prepared(db, 'UPDATE hub_link SET last_error = ?, refused_token = ? WHERE id = 1').run(outcome.error, outcome.refusedToken ? 1 : 0);
}

/** Whether a stored hub secret exists (then a missing key file must not be replaced). */
export const hubSecretExists = (db: Database): boolean => prepared(db, 'SELECT 1 FROM hub_link LIMIT 1').get() !== undefined;
