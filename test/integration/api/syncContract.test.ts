// Accounts, sync and outbox endpoints through both transports, against the platform simulators.
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { addWorkspaceAccount } from '../../../src/backend/sync/accounts.ts';
import { startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace, type TransportKind } from '../../support/workspace.ts';

const tempDir = useTempDir();
let workspace: TestWorkspace | null = null;
let sims: RunningSimulators | null = null;
afterEach(async () => {
  await workspace?.close();
  await sims?.close();
  workspace = null;
  sims = null;
});

describe.each<TransportKind>(['in-process', 'http'])('accounts and sync over %s', (kind) => {
  it('connects an account, syncs, queues a decision, holds it offline and sends it online', async () => {
    sims = await startSimulators({ port: 0, seed: 7, faultRate: 0 });
    workspace = await openTestWorkspace(tempDir(), kind);
    const { client } = workspace;
    const reddit = sims.accounts()['reddit'];
    if (!reddit || reddit.credentials.kind !== 'oauth2') throw new Error('the simulator offers a Reddit OAuth account');
    const account = await callOrThrow(client, 'accounts.add', {
      platform: 'reddit',
      baseUrl: reddit.baseUrl,
      authBaseUrl: reddit.baseUrl,
      displayName: 'r/mod (simulator)',
      credentials: { kind: 'oauth2', clientId: reddit.credentials.clientId, clientSecret: reddit.credentials.clientSecret, refreshToken: reddit.credentials.refreshToken },
    });
    const listed = await callOrThrow(client, 'accounts.list', {});
    expect(listed).toMatchObject([{ id: account.id, platform: 'reddit', credentialKind: 'oauth2' }]);
    expect(JSON.stringify(listed)).not.toContain(reddit.credentials.refreshToken);
    expect((await callOrThrow(client, 'accounts.test', { id: account.id })).identity).toBeTruthy();

    const first = await callOrThrow(client, 'sync.run', {});
    expect(first.pulled).toBeGreaterThan(10);
    const [item] = (await callOrThrow(client, 'items.list', { platform: 'reddit', state: 'open', limit: 1 })).items;
    const decided = await callOrThrow(client, 'queue.decide', { itemId: item?.id as string, action: 'remove' });
    expect(decided.queued).toBe(true);

    await callOrThrow(client, 'sync.setOffline', { offline: true });
    const offline = await callOrThrow(client, 'sync.run', {});
    expect(offline).toMatchObject({ offline: true, acted: 0 });
    expect((await callOrThrow(client, 'sync.status', {})).stats.outbox.pending).toBe(1);
    // The account has an unsent action: removing it is refused unless the person says so.
    expect(await client.call('accounts.remove', { id: account.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const online = await callOrThrow(client, 'sync.setOffline', { offline: false });
    expect(online.offline.manual).toBe(false);
    expect(await callOrThrow(client, 'sync.run', {})).toMatchObject({ acted: 1, failed: 0, conflicts: 0 });
    expect(await callOrThrow(client, 'outbox.list', { state: 'done' })).toMatchObject([{ itemId: item?.id, action: 'remove', state: 'done' }]);
    const applied = sims.state().platforms['reddit']?.writes.filter((w) => w.applied) ?? [];
    expect(applied).toHaveLength(1);
    expect(await callOrThrow(client, 'accounts.remove', { id: account.id })).toEqual({ removed: true, discarded: 0 });
  });

  it('lists the platforms an account can connect to, with their documented defaults', async () => {
    workspace = await openTestWorkspace(tempDir(), kind);
    const profiles = await callOrThrow(workspace.client, 'accounts.platforms', {});
    expect(profiles.map((p) => p.platform)).toEqual(['discourse', 'instagram', 'pinterest', 'reddit', 'youtube']);
    expect(profiles.find((p) => p.platform === 'reddit')).toMatchObject({ defaultBaseUrl: 'https://oauth.reddit.com', defaultAuthBaseUrl: 'https://www.reddit.com', credentialKinds: ['oauth2'] });
    expect(profiles.find((p) => p.platform === 'discourse')).toMatchObject({ defaultBaseUrl: null, credentialKinds: ['api_key'] });
    expect(profiles.find((p) => p.platform === 'youtube')?.options.filter((o) => o.required).map((o) => o.key)).toEqual(['channelId']);
    expect(profiles.find((p) => p.platform === 'instagram')?.options.filter((o) => o.required).map((o) => o.key)).toEqual(['igUserId']);
    expect(profiles.find((p) => p.platform === 'pinterest')).toMatchObject({ defaultBaseUrl: 'https://api.pinterest.com', credentialKinds: ['oauth2'], options: [{ key: 'boardId', required: false }] });
  });

  it('rejects bad account input with typed errors', async () => {
    workspace = await openTestWorkspace(tempDir(), kind);
    const { client } = workspace;
    const bad = await client.call('accounts.add', { platform: 'reddit', baseUrl: 'not a url', displayName: 'x', credentials: { kind: 'api_key', apiKey: 'k', username: 'u' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Only http(s): a file: or javascript: base URL would be fetched from, shown and linked as given.
    const credentials = { kind: 'api_key' as const, apiKey: 'k', username: 'u' };
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.com', 'data:text/plain,x']) {
      const asBase = await client.call('accounts.add', { platform: 'discourse', baseUrl: url, displayName: 'x', credentials });
      expect(asBase, url).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const asAuth = await client.call('accounts.add', { platform: 'discourse', baseUrl: 'https://forum.example', authBaseUrl: url, displayName: 'x', credentials });
      expect(asAuth, url).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      // The CLI adds accounts without the API schema: the backend refuses them too.
      const direct = addWorkspaceAccount(workspace.backend.context, { platform: 'discourse', baseUrl: url, displayName: 'x', credentials });
      expect(direct, url).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await callOrThrow(client, 'accounts.list', {})).toEqual([]);
    expect(await client.call('accounts.test', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await client.call('outbox.resolve', { id: 'missing', choice: 'retry' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
