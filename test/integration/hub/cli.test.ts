import { describe, expect, it } from 'vitest';
import { openHubPool } from '../../../src/hub/connect.ts';
import { HUB_SCHEMA_VERSION } from '../../../src/hub/migrations/index.ts';
import { pushEvents } from '../../../src/hub/push.ts';
import { runCli } from '../../support/runCli.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { event } from './support.ts';
import { localItemId, openDesk, removeDir, sharedItem, syncItems, value } from './deskSupport.ts';

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

  it('joins two desks with the printed join URLs, syncs them, and leaves', async () => {
    const url = await cluster().createDatabase('hub_cli_desks');
    const init = JSON.parse((await runCli(['hub', 'init', '--database', url, '--owner', 'Ana', '--json'])).stdout) as { token: string; joinUrl: string };
    const added = await runCli(['hub', 'add-member', 'Ben', '--role', 'moderator', '--database', url, '--json'], { env: { STOA_HUB_TOKEN: init.token } });
    const ben = JSON.parse(added.stdout) as { joinUrl: string };
    // Two workspaces that synced the same item; Ana noted it before joining.
    const desks = [openDesk('Ana'), openDesk('Ben')];
    try {
      for (const desk of desks) syncItems(desk.backend, [sharedItem(1)]);
      const [a, b] = desks as [(typeof desks)[number], (typeof desks)[number]];
      const note = await value(a.client.call('items.addNote', { itemId: localItemId(a.backend, 't1_shared1'), body: 'Asked the brand for the contract' }));
      for (const desk of desks) await desk.close();

      const joinedA = await runCli(['hub', 'join', '--data-dir', a.dataDir], { env: { STOA_HUB_JOIN_URL: init.joinUrl } });
      expect(joinedA.stderr).toBe('');
      expect(joinedA.code).toBe(0);
      expect(joinedA.stdout).toMatch(/^Joined Team on postgres:\/\/[^ ]+ as Ana \(owner\)\.\nPushed 1, pulled \d+ \(0 applied\); hub sync idle\n$/);
      expect(joinedA.stdout).not.toContain(init.token);

      const joinedB = await runCli(['hub', 'join', '--url-stdin', '--data-dir', b.dataDir, '--json'], { input: `${ben.joinUrl}\n` });
      expect(joinedB.code).toBe(0);
      expect(JSON.parse(joinedB.stdout)).toMatchObject({ link: { member: { name: 'Ben', role: 'moderator' } }, pushed: 0, applied: 1, sync: { state: 'idle', pendingPush: 0, cursor: 1 } });
      const synced = await runCli(['hub', 'sync', '--data-dir', b.dataDir, '--json']);
      expect(JSON.parse(synced.stdout)).toMatchObject({ pushed: 0, pulled: 0, sync: { state: 'idle' } });
      const onB = openDesk('Ben', b.dataDir);
      try {
        expect(await value(onB.client.call('items.get', { id: localItemId(onB.backend, 't1_shared1') }))).toMatchObject({ notes: [expect.objectContaining({ id: note.id, body: 'Asked the brand for the contract' })] });
      } finally {
        await onB.close();
      }

      const left = await runCli(['hub', 'leave', '--data-dir', a.dataDir]);
      expect(left.stdout).toBe('Left the team hub; everything decided and noted here stays in this workspace.\n');
      const after = await runCli(['hub', 'sync', '--data-dir', a.dataDir]);
      expect(after.code).toBe(2);
      expect(after.stderr).toMatch(/^stoa: This workspace has not joined a team hub; join one with `stoa hub join URL`/);
      const noUrl = await runCli(['hub', 'join', '--data-dir', a.dataDir], { env: { STOA_HUB_JOIN_URL: '' } });
      expect(noUrl.code).toBe(2);
      expect(noUrl.stderr).toMatch(/^stoa: Give the join URL that `stoa hub add-member` printed/);
      const wrong = await runCli(['hub', 'join', init.joinUrl.replace(/stoa_token=[^&]+/, 'stoa_token=stoa_hub_wrong'), '--data-dir', a.dataDir]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).not.toContain('stoa_hub_wrong');
    } finally {
      for (const desk of desks) removeDir(desk.dataDir);
    }
  });
});
