// Remote payloads that failed to map, kept with the reason so a person (or a fixed connector) can
// look at them later. Quarantining never stops a sync.
import type { Database } from 'better-sqlite3';
import type { PlatformName } from '../core/domain.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export interface QuarantineInput {
  readonly accountId: string | null;
  readonly platform: PlatformName;
  readonly queue: string;
  readonly payload: unknown;
  readonly error: string;
}

export interface QuarantinedRow {
  readonly id: string;
  readonly accountId: string | null;
  readonly platform: PlatformName;
  readonly queue: string;
  readonly payload: string;
  readonly error: string;
  readonly createdAt: string;
}

/** Payloads may not be JSON-serialisable (a cycle, a BigInt): keep what can be kept as text. */
function payloadText(payload: unknown): string {
  try {
    return JSON.stringify(payload) ?? String(payload);
  } catch {
    return String(payload);
  }
}

export function quarantinePayload(db: Database, input: QuarantineInput, clock: Clock): void {
  prepared(
    db,
    'INSERT INTO quarantine (id, account_id, platform, queue, payload, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(newId(), input.accountId, input.platform, input.queue, payloadText(input.payload), input.error, isoNow(clock));
}

export function countQuarantined(db: Database): number {
  return prepared(db, 'SELECT COUNT(*) FROM quarantine').pluck().get() as number;
}

export function listQuarantined(db: Database, limit: number): QuarantinedRow[] {
  return prepared(
    db,
    `SELECT id, account_id AS accountId, platform, queue, payload, error, created_at AS createdAt
     FROM quarantine ORDER BY seq DESC LIMIT ?`,
  ).all(limit) as QuarantinedRow[];
}
