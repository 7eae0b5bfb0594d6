// YouTube and Instagram as `stoa sim` serves them: mounted from the shared registry under one port,
// configured only from GET /__sim/accounts, controlled only through the /__sim HTTP API.
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatform } from '../../../src/platforms/index.ts';
import type { Credentials } from '../../../src/platforms/platform.ts';
import { createVirtualClock, startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { SIMULATOR_FACTORIES } from '../../../src/platforms/sim/registry.ts';

let sims: RunningSimulators | null = null;
afterEach(async () => {
  await sims?.close();
  sims = null;
});

interface Account {
  baseUrl: string;
  credentials: Credentials;
  options?: Record<string, string>;
}

describe('YouTube and Instagram in the shared simulator host', () => {
  it('serve /youtube and /instagram from the registry, with accounts, faults and state over HTTP', async () => {
    const { youtube, instagram } = SIMULATOR_FACTORIES;
    if (!youtube || !instagram) throw new Error('youtube/instagram missing from SIMULATOR_FACTORIES');
    const clock = createVirtualClock(new Date('2026-11-25T12:00:00Z'));
    sims = await startSimulators({ seed: 3, clock, simulators: { youtube, instagram } });
    const url = sims.url;
    const accounts = (await (await fetch(`${url}/__sim/accounts`)).json()) as Record<string, Account>;
    const connect = (name: 'youtube' | 'instagram') => {
      const a = accounts[name];
      if (!a) throw new Error(`no ${name} account`);
      return createPlatform(name, { baseUrl: a.baseUrl, credentials: a.credentials, options: a.options, credentialStore: { save: async () => {} }, userAgent: 'stoa-tests/0.1', fetch: (i, init) => fetch(i, init), clock });
    };
    const yt = connect('youtube');
    const ig = connect('instagram');

    const ytPage = await yt.pull({ queue: 'modqueue', cursor: null, limit: 5 });
    const igPage = await ig.pull({ queue: 'comments', cursor: null, limit: 5 });
    if (ytPage.status !== 'ok' || igPage.status !== 'ok') throw new Error('pull failed');
    const ytItem = ytPage.page.items[0];
    const igItem = igPage.page.items.find((i) => i.remoteState === 'open');
    if (!ytItem || !igItem) throw new Error('empty queues');

    // Scripted through the control API: the next YouTube write commits and then drops.
    const injected = await fetch(`${url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ platform: 'youtube', path: '/comments/setModerationStatus', kind: 'commit_then_drop' }) });
    expect(injected.status).toBe(200);
    const target = (item: typeof ytItem) => ({ remoteId: item.remoteId, kind: item.kind, community: item.community, author: item.author, version: item.version });
    expect(await yt.act({ action: 'remove', target: target(ytItem), idempotencyKey: 'a' })).toMatchObject({ status: 'retry_after', ambiguous: true });
    expect((await ig.act({ action: 'remove', target: target(igItem), idempotencyKey: 'b' })).status).toBe('done');

    const state = (await (await fetch(`${url}/__sim/state`)).json()) as { platforms: Record<string, { items: Record<string, number>; writes: { target: string; applied: boolean }[] }> };
    expect(state.platforms['youtube']?.writes).toEqual([expect.objectContaining({ target: ytItem.remoteId, action: 'setModerationStatus:rejected', applied: true })]);
    expect(state.platforms['instagram']?.writes).toEqual([expect.objectContaining({ target: igItem.remoteId, action: 'hide', applied: true })]);
    expect(state.platforms['youtube']?.items['rejected']).toBeGreaterThan(0);
    expect(state.platforms['instagram']?.items['hidden']).toBeGreaterThan(0);

    // Queue drift through the control API is what the next read sees.
    const drift = await fetch(`${url}/__sim/instagram/external`, { method: 'POST', body: JSON.stringify({ target: igItem.remoteId, action: 'delete' }) });
    expect(drift.status).toBe(200);
    expect(await ig.readState(target(igItem))).toEqual({ status: 'not_found' });
  });
});
