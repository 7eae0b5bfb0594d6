// Brings a hub database to the schema this Stoa knows: the missing migrations in order, all in one
// transaction under an advisory lock (two desktops running `stoa hub init` at once apply them once),
// recorded in stoa_hub.schema_migrations. A database from a newer Stoa is refused, never downgraded.
import type { ClientBase } from 'pg';
import type { HubPool } from './connect.ts';
import { HubError } from './errors.ts';
import { HUB_MIGRATIONS, type HubMigration } from './migrations/index.ts';

// Any fixed number, distinct from the append lock's class (1398034256) in 0001-initial.ts.
const MIGRATION_LOCK = 1398034257;

export interface MigrateOutcome {
  readonly from: number;
  readonly to: number;
}

export async function migrateHub(pool: HubPool, migrations: readonly HubMigration[] = HUB_MIGRATIONS): Promise<MigrateOutcome> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS stoa_hub');
    await client.query(
      'CREATE TABLE IF NOT EXISTS stoa_hub.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const from = await appliedVersion(client);
    if (from > migrations.length) {
      throw new HubError('newer_schema', `The hub database has schema version ${from}, newer than this Stoa knows (${migrations.length}); update Stoa before using this hub.`);
    }
    for (const migration of migrations.slice(from)) {
      await migration.up(client);
      await client.query('INSERT INTO stoa_hub.schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await client.query('COMMIT');
    return { from, to: migrations.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function appliedVersion(client: ClientBase): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM stoa_hub.schema_migrations');
  return rows[0]?.version ?? 0;
}

/** The schema version a hub database has, 0 when it has none yet; reads only. */
export async function hubSchemaVersion(pool: HubPool): Promise<number> {
  const { rows } = await pool.query<{ present: boolean }>("SELECT to_regclass('stoa_hub.schema_migrations') IS NOT NULL AS present");
  if (!rows[0]?.present) return 0;
  const version = await pool.query<{ version: number | null }>('SELECT max(version) AS version FROM stoa_hub.schema_migrations');
  return version.rows[0]?.version ?? 0;
}
