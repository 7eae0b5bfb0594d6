// The shared simulator host over real HTTP: one port for every platform, the /__sim control API,
// the exact /__sim/state format, seeded determinism and the background fault rate.
import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualClock, startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { createPlatform } from '../../../src/platforms/index.ts';
import type { ActOutcome } from '../../../src/platforms/platform.ts';

let running: RunningSimulators[] = [];
afterEach(async () => {
  await Promise.all(running.map((sim) => sim.close()));
  running = [];
});

async function start(options: Parameters<typeof startSimulators>[0] = {}): Promise<RunningSimulators> {
  const sim = await startSimulators({ clock: createVirtualClock(), ...options });
  running.push(sim);
  return sim;
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('simulator host', () => {
  it('mounts every registered platform under one port and reports state in the documented shape', async () => {
    const sim = await start({ seed: 3 });
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as { platforms: Record<string, { items: Record<string, number>; writes: unknown[]; published?: unknown[] }> };
    expect(Object.keys(state)).toEqual(['platforms']);
    expect(Object.keys(state.platforms)).toEqual(expect.arrayContaining(['reddit', 'discourse', 'instagram', 'pinterest']));
    // Platforms Stoa publishes to also list what was published (none yet).
    expect(state.platforms['instagram']?.published).toEqual([]);
    expect(state.platforms['pinterest']?.published).toEqual([]);
    for (const [name, platform] of Object.entries(state.platforms)) {
      // Reddit and Discourse also show the removal reasons, messages and notes that reached them.
      const extra: Record<string, string[]> = { instagram: ['published'], pinterest: ['published'], reddit: ['modNotes', 'removalMessages', 'removalReasons'], discourse: ['rejectReasons'] };
      expect(Object.keys(platform).sort()).toEqual(['items', ...(extra[name] ?? []), 'writes'].sort());
      expect(Object.values(platform.items).every((count) => Number.isInteger(count) && count >= 0)).toBe(true);
      expect(platform.writes).toEqual([]);
    }
    expect((await fetch(`${sim.url}/nowhere/x`)).status).toBe(404);
    expect((await fetch(`${sim.url}/__sim/nothing`)).status).toBe(404);
  });

  it('lists every write request received, applied or not, with target, action, applied and time', async () => {
    const sim = await start({ seed: 3 });
    const account = sim.accounts()['discourse'];
    if (!account) throw new Error('discourse not mounted');
    const platform = createPlatform('discourse', { baseUrl: account.baseUrl, credentials: account.credentials, credentialStore: { save: async () => undefined }, userAgent: 'stoa-tests', fetch, clock: sim.clock });
    const pulled = await platform.pull({ queue: 'reports', cursor: null });
    if (pulled.status !== 'ok') throw new Error('pull failed');
    const item = pulled.page.items[0];
    if (!item) throw new Error('empty queue');
    const target = { remoteId: item.remoteId, kind: item.kind, community: item.community, author: item.author, version: item.version };
    const outcomes: ActOutcome[] = [];
    outcomes.push(await platform.act({ action: 'remove', target, idempotencyKey: 'k' }));
    outcomes.push(await platform.act({ action: 'remove', target, idempotencyKey: 'k' }));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['done', 'already_done']);
    const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as { platforms: { discourse: { writes: unknown[] } } };
    expect(state.platforms.discourse.writes).toEqual([
      { target: item.remoteId, action: 'agree_and_hide', applied: true, at: sim.clock.now().toISOString() },
      { target: item.remoteId, action: 'agree_and_hide', applied: false, at: sim.clock.now().toISOString() },
    ]);
  });

  it('is deterministic for a seed: same seed, same world; another seed, another world', async () => {
    const snapshot = async (seed: number) => {
      const sim = await start({ seed });
      const account = sim.accounts()['reddit'];
      if (account?.credentials.kind !== 'oauth2') throw new Error('reddit not mounted');
      const token = await fetch(`${account.baseUrl}/api/v1/access_token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${account.credentials.clientId}:${account.credentials.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: account.credentials.refreshToken }),
      });
      const { access_token: accessToken } = (await token.json()) as { access_token: string };
      const listing = await fetch(`${account.baseUrl}/r/mod/about/modqueue?limit=100`, { headers: { authorization: `bearer ${accessToken}` } });
      const review = await fetch(`${sim.url}/discourse/review.json?status=all`, { headers: { 'api-key': 'stoa-sim-discourse-key', 'api-username': 'system' } });
      return JSON.stringify([sim.state(), await listing.json(), await review.json()]).replaceAll(sim.url, 'URL');
    };
    const [a, b, c] = [await snapshot(11), await snapshot(11), await snapshot(12)];
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('control API: advance the virtual clock, script faults, set the background rate', async () => {
    const sim = await start({ seed: 5 });
    const before = sim.clock.nowMs();
    expect(await (await post(`${sim.url}/__sim/clock`, { advance: '25h' })).json()).toEqual({ now: new Date(before + 25 * 3_600_000).toISOString() });
    expect((await post(`${sim.url}/__sim/clock`, { advance: 'soon' })).status).toBe(400);
    expect((await post(`${sim.url}/__sim/faults`, { platform: 'discourse', path: '/review', kind: 'server_error', times: 2 })).status).toBe(200);
    expect((await post(`${sim.url}/__sim/faults`, { kind: 'meteor' })).status).toBe(400);
    const headers = { 'api-key': 'stoa-sim-discourse-key', 'api-username': 'system' };
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${sim.url}/discourse/review/count.json`, { headers })).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(sim.requests('discourse').map((request) => request.fault)).toEqual(['server_error', 'server_error', null]);
    await post(`${sim.url}/__sim/faults`, { platform: 'discourse', kind: 'drop' });
    await expect(fetch(`${sim.url}/discourse/review/count.json`, { headers })).rejects.toThrow();
    expect(await (await post(`${sim.url}/__sim/faults/rate`, { rate: 1 })).json()).toEqual({ rate: 1 });
    const faulted = [];
    for (let i = 0; i < 5; i += 1) faulted.push(await fetch(`${sim.url}/discourse/review/count.json`, { headers }).then((reply) => reply.status, () => 'reset'));
    expect(faulted.every((status) => status !== 200)).toBe(true);
    expect((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status).toBe(200);
    await post(`${sim.url}/__sim/faults/rate`, { rate: 0 });
    expect((await fetch(`${sim.url}/discourse/review/count.json`, { headers })).status).toBe(200);
  });

  it('control API: queue drift and new arrivals through HTTP; accounts for `stoa init --demo`', async () => {
    const sim = await start({ seed: 5 });
    const accounts = (await (await fetch(`${sim.url}/__sim/accounts`)).json()) as Record<string, { baseUrl: string; credentials: { kind: string } }>;
    expect(accounts['reddit']).toMatchObject({ baseUrl: `${sim.url}/reddit`, credentials: { kind: 'oauth2' } });
    expect(accounts['discourse']).toMatchObject({ baseUrl: `${sim.url}/discourse`, credentials: { kind: 'api_key' } });
    const before = sim.state().platforms['discourse']?.items['pending'] ?? 0;
    const inserted = (await (await post(`${sim.url}/__sim/discourse/insert`, { count: 4 })).json()) as { ids: string[] };
    expect(inserted.ids).toHaveLength(4);
    expect((await post(`${sim.url}/__sim/discourse/external`, { target: inserted.ids[0], action: 'disagree' })).status).toBe(200);
    expect((await post(`${sim.url}/__sim/discourse/external`, { target: 'nope', action: 'disagree' })).status).toBe(404);
    expect(sim.state().platforms['discourse']?.items['pending']).toBe(before + 3);
    // Drift is someone else's action, not a write we received.
    expect(sim.state().platforms['discourse']?.writes).toEqual([]);
  });
});
