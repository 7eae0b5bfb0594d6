// The baseline for `stoa bench -s hub`, measured on the same database in the same run: the same
// events written with a bare multi-row INSERT, as the database's own login, into a plain copy of
// stoa_hub.events — the same columns, types, keys and indexes, but no sequence trigger (the bench
// supplies seq), no row-level security, no member lookup and no foreign keys. So the ratio shows what
// the hub's guarantees cost on top of PostgreSQL itself.
import type { HubPool } from './connect.ts';

const BENCH_SCHEMA = 'stoa_hub_bench';
// Eight parameters a row: 500 rows stay far below PostgreSQL's 65,535 parameters a statement.
const COLUMNS = ['seq', 'id', 'workspace_id', 'kind', 'actor', 'device', 'payload', 'created_at'] as const;

export interface BareEventRow {
  readonly seq: number;
  readonly id: string;
  readonly workspaceId: string;
  readonly kind: string;
  readonly actor: string;
  readonly device: string;
  readonly payload: Record<string, unknown>;
  readonly createdAt: string;
}

/** True when the database already holds a hub (or an earlier bench's leftovers): the bench then refuses it. */
export async function hubSchemasPresent(pool: HubPool): Promise<boolean> {
  const { rows } = await pool.query<{ present: boolean }>(
    `SELECT to_regnamespace('stoa_hub') IS NOT NULL OR to_regnamespace('${BENCH_SCHEMA}') IS NOT NULL AS present`,
  );
  return rows[0]?.present === true;
}

/** Run after migrateHub(): LIKE copies the columns, defaults, checks and indexes, never triggers or policies. */
export async function createBareEventsTable(pool: HubPool): Promise<void> {
  await pool.query(`CREATE SCHEMA ${BENCH_SCHEMA}`);
  await pool.query(`CREATE TABLE ${BENCH_SCHEMA}.events (LIKE stoa_hub.events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`);
}

/** One INSERT … VALUES statement (its own transaction) for the whole batch. */
export async function insertBareEvents(pool: HubPool, rows: readonly BareEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values: unknown[] = [];
  const tuples = rows.map((row, i) => {
    values.push(row.seq, row.id, row.workspaceId, row.kind, row.actor, row.device, JSON.stringify(row.payload), row.createdAt);
    return `(${COLUMNS.map((_, c) => `$${i * COLUMNS.length + c + 1}`).join(', ')})`;
  });
  await pool.query(`INSERT INTO ${BENCH_SCHEMA}.events (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, values);
}

/**
 * Removes what a bench run created in a database it was lent (never a hub it found there: the bench
 * refuses those). Dropping the schema is the one way past the events' append-only triggers.
 */
export async function dropBenchSchemas(pool: HubPool): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`);
  await pool.query('DROP SCHEMA IF EXISTS stoa_hub CASCADE');
}
