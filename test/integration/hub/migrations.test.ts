import { describe, expect, it } from 'vitest';
import { openHubPool } from '../../../src/hub/connect.ts';
import { hubSchemaVersion, migrateHub } from '../../../src/hub/migrate.ts';
import { HUB_MIGRATIONS, HUB_SCHEMA_VERSION } from '../../../src/hub/migrations/index.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { event, freshHub } from './support.ts';

describe.runIf(needsPostgres('hub migrations'))('hub migrations on PostgreSQL', () => {
  const cluster = usePostgres();

  it('gives every migration its position as version', () => {
    expect(HUB_MIGRATIONS.map((m) => m.version)).toEqual(HUB_MIGRATIONS.map((_, i) => i + 1));
  });

  it('applies the schema once and re-applies as a no-op, also when two run at once', async () => {
    const url = await cluster().createDatabase('hub_migrate');
    const pool = await openHubPool(url, { max: 4 });
    try {
      expect(await hubSchemaVersion(pool)).toBe(0);
      const both = await Promise.all([migrateHub(pool), migrateHub(pool)]);
      expect(both.map((o) => o.from).sort()).toEqual([0, HUB_SCHEMA_VERSION]);
      expect(await migrateHub(pool)).toEqual({ from: HUB_SCHEMA_VERSION, to: HUB_SCHEMA_VERSION });
      const { rows } = await pool.query<{ version: number }>('SELECT version FROM stoa_hub.schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(HUB_MIGRATIONS.map((m) => m.version));
      const tables = await pool.query<{ name: string; rls: boolean }>(
        "SELECT relname AS name, relrowsecurity AS rls FROM pg_class WHERE relnamespace = 'stoa_hub'::regnamespace AND relkind = 'r' ORDER BY relname",
      );
      expect(tables.rows).toEqual([
        { name: 'claims', rls: true },
        { name: 'desk_login', rls: true },
        { name: 'events', rls: true },
        { name: 'members', rls: true },
        { name: 'role_event_kinds', rls: false },
        { name: 'schema_migrations', rls: false },
        { name: 'send_rights', rls: true },
        { name: 'workspaces', rls: true },
      ]);
    } finally {
      await pool.end();
    }
  });

  it('refuses a hub database from a newer Stoa and changes nothing', async () => {
    const { pool } = await freshHub(cluster());
    try {
      await pool.query("INSERT INTO stoa_hub.schema_migrations (version, name) VALUES ($1, 'from the future')", [HUB_SCHEMA_VERSION + 1]);
      await expect(migrateHub(pool)).rejects.toMatchObject({ code: 'newer_schema', message: expect.stringMatching(/newer than this Stoa knows/) });
      expect(await hubSchemaVersion(pool)).toBe(HUB_SCHEMA_VERSION + 1);
    } finally {
      await pool.end();
    }
  });

  it('keeps the event stream append-only, even for the database owner', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const { pushEvents } = await import('../../../src/hub/push.ts');
      const pushed = await pushEvents(pool, owner.token, [event('item_note', 'desk-1', { text: 'first' })]);
      expect(pushed.ok).toBe(true);
      await expect(pool.query("UPDATE stoa_hub.events SET payload = '{}'")).rejects.toThrow(/append-only/);
      await expect(pool.query('DELETE FROM stoa_hub.events')).rejects.toThrow(/append-only/);
      await expect(pool.query('TRUNCATE stoa_hub.events')).rejects.toThrow(/append-only/);
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM stoa_hub.events');
      expect(rows[0]?.n).toBe('1');
    } finally {
      await pool.end();
    }
  });

  it('says in one sentence when the database is not there', async () => {
    await expect(openHubPool(cluster().url('no_such_hub'))).rejects.toMatchObject({ code: 'no_database' });
    await expect(openHubPool('mysql://127.0.0.1/stoa')).rejects.toMatchObject({ code: 'bad_url' });
  });
});
