// A managed PostgreSQL gives Stoa a login that owns its database and may create roles, but is no
// superuser (superusers skip row-level security). The hub must set up and enforce roles there too.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openHubPool } from '../../../src/hub/connect.ts';
import { initHub } from '../../../src/hub/init.ts';
import { addMember } from '../../../src/hub/members.ts';
import { pushEvents } from '../../../src/hub/push.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { event } from './support.ts';

describe.runIf(needsPostgres('hub on a managed database'))('hub on a database owned by a non-superuser', () => {
  const cluster = usePostgres();

  it('migrates, and still refuses a viewer’s decision', async () => {
    const admin = new pg.Client({ connectionString: cluster().url() });
    await admin.connect();
    try {
      await admin.query('CREATE ROLE hub_admin LOGIN CREATEROLE');
      await admin.query('CREATE DATABASE managed_hub OWNER hub_admin');
    } finally {
      await admin.end();
    }
    const url = `postgres://hub_admin@127.0.0.1:${cluster().port}/managed_hub`;
    const owner = await initHub(url, { workspace: 'Brand team', owner: 'Ana' });
    const pool = await openHubPool(url);
    try {
      const { rows } = await pool.query<{ superuser: boolean }>('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
      expect(rows).toEqual([{ superuser: false }]);
      const viewer = await addMember(pool, owner.token, { name: 'Vic', role: 'viewer' });
      if (!viewer.ok) throw new Error(viewer.error.message);
      expect(await pushEvents(pool, viewer.value.token, [event('decision', 'desk-v')])).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
      expect(await pushEvents(pool, owner.token, [event('decision', 'desk-o')])).toMatchObject({ ok: true, value: [{ status: 'stored' }] });
    } finally {
      await pool.end();
    }
  });
});
