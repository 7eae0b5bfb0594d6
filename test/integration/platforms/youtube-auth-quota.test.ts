// YouTube connector ↔ simulator over real HTTP: Google OAuth refresh and expiry, and the daily
// quota that resets at midnight Pacific time (DST-correct) on the shared virtual clock.
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionRequest } from '../../../src/platforms/platform.ts';
import { createYoutubePlatform } from '../../../src/platforms/youtube/index.ts';
import { idsWithStatus, startYoutubeRig, targetOf, type YoutubeRig } from './youtubeHarness.ts';

let rig: YoutubeRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const remove = (r: YoutubeRig, id: string): ActionRequest => ({ action: 'remove', target: targetOf(r.sim, id), idempotencyKey: `k-${id}` });
const apiCalls = (r: YoutubeRig) => r.sims.requests('youtube').filter((q) => q.path.startsWith('/youtube/v3/')).length;

describe('YouTube auth', () => {
  it('refreshes a missing or expired token and persists it before using it', async () => {
    rig = await startYoutubeRig();
    const r = rig;
    const pathsAtSave: string[][] = [];
    const platform = createYoutubePlatform({
      ...r.config,
      credentialStore: { save: async () => void pathsAtSave.push(r.sims.requests('youtube').map((q) => q.path)) },
    });
    expect((await platform.pull({ queue: 'modqueue', cursor: null, limit: 1 })).status).toBe('ok');
    r.clock.advance(2 * 3600_000); // past the 3599 s lifetime
    expect((await platform.pull({ queue: 'modqueue', cursor: null, limit: 1 })).status).toBe('ok');
    const paths = r.sims.requests('youtube').map((q) => q.path);
    expect(paths).toEqual(['/token', '/youtube/v3/commentThreads', '/token', '/youtube/v3/commentThreads']);
    // Each save happened right after its /token call, before the API call that used the token.
    expect(pathsAtSave.map((p) => p[p.length - 1])).toEqual(['/token', '/token']);
    expect(pathsAtSave.map((p) => p.length)).toEqual([1, 3]);
  });

  it('refreshes once and retries when the API rejects the token mid-session', async () => {
    rig = await startYoutubeRig();
    await rig.platform.auth.ensure();
    rig.sims.faults.inject({ platform: 'youtube', path: '/commentThreads', kind: 'token_expired' });
    const outcome = await rig.platform.pull({ queue: 'spam', cursor: null, limit: 3 });
    expect(outcome.status).toBe('ok');
    expect(rig.sims.requests('youtube').map((q) => `${q.path}${q.fault ? ` (${q.fault})` : ''}`)).toEqual([
      '/token',
      '/youtube/v3/commentThreads (token_expired)',
      '/token',
      '/youtube/v3/commentThreads',
    ]);
  });

  it('asks for reauth when the refresh token is revoked, without calling the API', async () => {
    rig = await startYoutubeRig();
    rig.sim.auth.revokeRefreshToken();
    const outcome = await rig.platform.pull({ queue: 'modqueue', cursor: null });
    expect(outcome).toMatchObject({ status: 'reauth' });
    expect(apiCalls(rig)).toBe(0);
  });

  it('sends nothing with a refreshed token it could not save, and saves it on the next call', async () => {
    rig = await startYoutubeRig();
    let fail = true;
    const platform = createYoutubePlatform({ ...rig.config, credentialStore: { save: async () => { if (fail) throw new Error('disk full'); } } });
    expect(await platform.pull({ queue: 'modqueue', cursor: null })).toMatchObject({ status: 'retry_after', ambiguous: false });
    expect(apiCalls(rig)).toBe(0);
    fail = false;
    expect((await platform.pull({ queue: 'modqueue', cursor: null })).status).toBe('ok');
    expect(rig.sims.requests('youtube').filter((q) => q.path === '/token')).toHaveLength(1);
  });

  it('refreshes once when the token dies mid-batch and resends only the refused call', async () => {
    rig = await startYoutubeRig();
    const r = rig;
    const ids = [...idsWithStatus(r.sim, 'heldForReview'), ...idsWithStatus(r.sim, 'likelySpam')].slice(0, 120);
    await r.platform.auth.ensure();
    r.sim.auth.expireAccessTokens(); // the token the connector holds is now dead on the server
    r.sims.faults.inject({ platform: 'youtube', path: '/comments/setModerationStatus', kind: 'server_error' });
    const outcomes = (await r.platform.actBatch?.(ids.map((id) => remove(r, id)))) ?? [];
    // First call: 503 before any token check (ambiguous, not resent); then 401 → one refresh → the rest go through.
    expect(outcomes.slice(0, 50).every((o) => o.status === 'retry_after' && o.ambiguous)).toBe(true);
    expect(outcomes.slice(50).every((o) => o.status === 'done')).toBe(true);
    const log = r.sims.requests('youtube').map((q) => q.path);
    expect(log.filter((p) => p === '/token')).toHaveLength(2);
    expect(r.requests('/youtube/v3/comments/setModerationStatus').map((c) => c.query.get('id')?.split(',').length)).toEqual([50, 50, 50, 20]);
    expect(r.sim.state().writes.filter((w) => w.applied)).toHaveLength(70);
  });

  it('asks for reauth when a Testing-status app’s refresh token passes its 7 days', async () => {
    rig = await startYoutubeRig({ auth: { refreshTokenTtlDays: 7 } });
    expect((await rig.platform.pull({ queue: 'modqueue', cursor: null, limit: 1 })).status).toBe('ok');
    rig.clock.advance(8 * 86_400_000);
    expect(await rig.platform.pull({ queue: 'modqueue', cursor: null, limit: 1 })).toMatchObject({ status: 'reauth' });
  });

  it('verifies the account as the channel owner', async () => {
    rig = await startYoutubeRig({ channelTitle: 'Moderation Test Channel' });
    expect(await rig.platform.auth.verify()).toMatchObject({ status: 'ok', info: { identity: 'Moderation Test Channel' } });
  });
});

describe('YouTube quota', () => {
  it('parks writes until midnight Pacific after 403 quotaExceeded, across the fall DST change', async () => {
    // 2026-10-31 23:30 PDT. The simulator's project has 101 units; the connector believes 10,000.
    rig = await startYoutubeRig({ start: '2026-11-01T06:30:00.000Z', dailyQuota: 101, connectorOptions: { dailyQuota: '10000' } });
    const r = rig;
    const ids = idsWithStatus(r.sim, 'heldForReview', true);
    expect((await r.platform.act(remove(r, ids[0] ?? ''))).status).toBe('done');
    expect((await r.platform.act(remove(r, ids[1] ?? ''))).status).toBe('done');
    expect((await r.platform.act(remove(r, ids[2] ?? '')))).toMatchObject({ status: 'retry_after', at: '2026-11-01T07:00:00.000Z', seconds: 1800, ambiguous: false });
    const [, , third] = r.requests('/youtube/v3/comments/setModerationStatus');
    expect(third).toBeDefined(); // the server said no…
    const sent = apiCalls(r);
    expect((await r.platform.pull({ queue: 'modqueue', cursor: null }))).toMatchObject({ status: 'retry_after', at: '2026-11-01T07:00:00.000Z' });
    expect(apiCalls(r)).toBe(sent); // …and the connector stops asking until the reset
    r.clock.set(new Date('2026-11-01T07:00:01.000Z')); // 00:00:01 PDT, Nov 1
    expect((await r.platform.act(remove(r, ids[2] ?? ''))).status).toBe('done');
    expect((await r.platform.act(remove(r, ids[3] ?? ''))).status).toBe('done');
    // Nov 1 has 25 hours: clocks fall back at 02:00 PDT, so the next reset is 08:00 UTC on Nov 2.
    expect(await r.platform.act(remove(r, ids[4] ?? ''))).toMatchObject({ status: 'retry_after', at: '2026-11-02T08:00:00.000Z' });
    expect(r.sim.model.comments.get(ids[4] ?? '')?.status).toBe('heldForReview');
  });

  it('does not send a call its own ledger cannot pay for', async () => {
    rig = await startYoutubeRig({ connectorOptions: { dailyQuota: '60' } });
    const ids = idsWithStatus(rig.sim, 'heldForReview', true);
    expect((await rig.platform.act(remove(rig, ids[0] ?? ''))).status).toBe('done');
    const sent = apiCalls(rig);
    expect(await rig.platform.act(remove(rig, ids[1] ?? ''))).toMatchObject({ status: 'retry_after', at: '2026-11-26T08:00:00.000Z' });
    expect(apiCalls(rig)).toBe(sent);
    expect(rig.platform.quota()).toEqual({ day: '2026-11-25', used: 50 });
    expect(rig.platform.capabilities.rateLimit).toMatchObject({ kind: 'daily_quota', units: 60, resetTimeZone: 'America/Los_Angeles' });
  });

  it('keeps its ledger in the usage store, so the next process starts from today\u2019s spend', async () => {
    rig = await startYoutubeRig({ connectorOptions: { dailyQuota: '60' } });
    const r = rig;
    let stored: unknown = { day: 'written by another version' };
    const usageStore = { load: () => stored, save: (state: unknown) => void (stored = state) };
    const first = createYoutubePlatform({ ...r.config, usageStore });
    const ids = idsWithStatus(r.sim, 'heldForReview', true);
    expect((await first.act(remove(r, ids[0] ?? ''))).status).toBe('done'); // the unreadable value was ignored
    expect(stored).toEqual({ day: '2026-11-25', used: 50 });
    const sent = apiCalls(r);
    const next = createYoutubePlatform({ ...r.config, usageStore });
    expect(await next.act(remove(r, ids[1] ?? ''))).toMatchObject({ status: 'retry_after', at: '2026-11-26T08:00:00.000Z' });
    expect(apiCalls(r)).toBe(sent);
    r.clock.set(new Date('2026-11-26T08:00:01.000Z'));
    expect((await createYoutubePlatform({ ...r.config, usageStore }).act(remove(r, ids[1] ?? ''))).status).toBe('done');
    expect(stored).toEqual({ day: '2026-11-26', used: 50 });
  });
});
