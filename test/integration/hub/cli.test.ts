import { describe, expect, it } from 'vitest';
import { openHubPool } from '../../../src/hub/connect.ts';
import { HUB_SCHEMA_VERSION } from '../../../src/hub/migrations/index.ts';
import { pushEvents } from '../../../src/hub/push.ts';
import { runCli } from '../../support/runCli.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { event } from './support.ts';

describe.runIf(needsPostgres('stoa hub init and status'))('stoa hub init and status', () => {
  const cluster = usePostgres();

  it('creates the schema and an owner whose printed token pushes, and status counts it', async () => {
    const url = await cluster().createDatabase('hub_cli');
    const init = await runCli(['hub', 'init', '--database', url, '--workspace', 'Brand team', '--owner', 'Ana', '--json']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const made = JSON.parse(init.stdout) as { schemaVersion: number; migratedFrom: number; workspaceId: string; role: string; token: string };
    expect(made).toMatchObject({ schemaVersion: HUB_SCHEMA_VERSION, migratedFrom: 0, role: 'owner', token: expect.stringMatching(/^stoa_hub_[\w-]{43}$/) });

    const pool = await openHubPool(url);
    try {
      // Only the hash is stored: the token itself is in no column of the member's row.
      const { rows } = await pool.query<{ hashed: boolean; verbatim: boolean }>(
        "SELECT token_hash = sha256(convert_to($1, 'UTF8')) AS hashed, strpos(row_to_json(m)::text, $1) > 0 AS verbatim FROM stoa_hub.members m",
        [made.token],
      );
      expect(rows).toEqual([{ hashed: true, verbatim: false }]);
      expect((await pushEvents(pool, made.token, [event('decision', 'desk-1')])).ok).toBe(true);
    } finally {
      await pool.end();
    }

    const again = await runCli(['hub', 'init', '--database', url, '--workspace', 'Brand team']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('stoa: The hub already has a workspace named "Brand team"; choose another name.\n');

    const status = await runCli(['hub', 'status', '--json'], { env: { STOA_HUB_DATABASE: url } });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      schemaVersion: HUB_SCHEMA_VERSION,
      knownVersion: HUB_SCHEMA_VERSION,
      workspaces: [{ id: made.workspaceId, name: 'Brand team', members: { owner: 1 }, events: 1 }],
    });
  });

  it('adds a member with an owner token, and refuses a non-owner', async () => {
    const url = await cluster().createDatabase('hub_cli_members');
    const init = await runCli(['hub', 'init', '--database', url, '--json']);
    const { token } = JSON.parse(init.stdout) as { token: string };
    const added = await runCli(['hub', 'add-member', 'Vic', '--role', 'viewer', '--database', url, '--json'], { env: { STOA_HUB_TOKEN: token } });
    expect(added.stderr).toBe('');
    const viewer = JSON.parse(added.stdout) as { role: string; token: string };
    expect(viewer).toMatchObject({ role: 'viewer', token: expect.stringMatching(/^stoa_hub_/) });
    const byViewer = await runCli(['hub', 'add-member', 'Eve', '--role', 'owner', '--database', url], { env: { STOA_HUB_TOKEN: viewer.token } });
    expect(byViewer.stderr).toBe('stoa: Only an owner of the workspace can add members.\n');
    expect(byViewer.code).toBe(2);
    const badRole = await runCli(['hub', 'add-member', 'Eve', '--role', 'admin', '--database', url], { env: { STOA_HUB_TOKEN: token } });
    expect(badRole.stderr).toBe('stoa: A member\'s role is one of owner, moderator, creator, compliance, viewer (got "admin").\n');
    const status = await runCli(['hub', 'status', '--database', url, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ workspaces: [{ name: 'Team', members: { owner: 1, viewer: 1 } }] });
  });

  it('says in one line what is wrong with the database URL', async () => {
    const missing = await runCli(['hub', 'status'], { env: { STOA_HUB_DATABASE: '' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^stoa: Name the hub database: --database postgres:\/\//);
    const absent = await runCli(['hub', 'status', '--database', cluster().url('nope')]);
    expect(absent.stderr).toMatch(/^stoa: The database in postgres:\/\/stoa@127\.0\.0\.1:\d+\/nope does not exist; create it first/);
    expect(absent.code).toBe(2);
  });
});
