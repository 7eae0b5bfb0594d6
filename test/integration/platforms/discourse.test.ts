// Discourse connector against the Discourse simulator over real HTTP: the review queue walk (also
// while other moderators act), perform with ?version=N, 409/403 reconciliation, both 429 formats,
// revoked keys, ambiguous commits and suspension checked against the saved OpenAPI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRequestBody, checkResponseBody } from '../../../src/platforms/discourse/openapi.ts';
import { createDiscourseSimulator, DiscourseSimulator, SIM_API_KEY } from '../../../src/platforms/discourse/simulator.ts';
import type { ActionTarget, PullPage, RemoteItem } from '../../../src/platforms/platform.ts';
import { startHarness, type Harness } from './simHarness.ts';

let h: Harness;
let sim: DiscourseSimulator;

async function start(options: Parameters<typeof createDiscourseSimulator>[0] = {}) {
  h = await startHarness('discourse', createDiscourseSimulator(options));
  const mounted = h.sim.simulator('discourse');
  if (!(mounted instanceof DiscourseSimulator)) throw new Error('expected the Discourse simulator');
  sim = mounted;
}
beforeEach(() => start());
afterEach(() => h.close());

const targetOf = (item: RemoteItem): ActionTarget => ({ remoteId: item.remoteId, kind: item.kind, community: item.community, author: item.author, version: item.version });
const writes = () => h.sim.state().platforms['discourse']?.writes ?? [];
const pendingIds = () => sim.world.reviewables.filter((r) => r.status === 0).map((r) => String(r.id));

async function page(queue: 'modqueue' | 'reports', cursor: string | null): Promise<PullPage> {
  const outcome = await h.platform.pull({ queue, cursor });
  if (outcome.status !== 'ok') throw new Error(`pull failed: ${JSON.stringify(outcome)}`);
  return outcome.page;
}

async function walkFrom(queue: 'modqueue' | 'reports', cursor: string | null, between?: (index: number) => void): Promise<RemoteItem[]> {
  const items: RemoteItem[] = [];
  let next: string | null = cursor;
  let index = 0;
  do {
    const got: PullPage = await page(queue, next);
    items.push(...got.items);
    next = got.nextCursor;
    between?.(index);
    index += 1;
  } while (next !== null);
  return items;
}

async function firstPending(type: 'ReviewableFlaggedPost' | 'ReviewableQueuedPost'): Promise<RemoteItem> {
  for (const item of await walkFrom('modqueue', null)) if ((item.raw as { type: string }).type === type) return item;
  throw new Error(`no pending ${type}`);
}

describe('discourse: review queue', () => {
  it('walks the whole pending queue with the documented request', async () => {
    const items = await walkFrom('modqueue', null);
    expect(items.map((item) => item.remoteId)).toEqual(pendingIds());
    const first = h.sim.requests('discourse')[0];
    expect(first?.path).toBe('/review.json');
    expect(first?.headers['api-key']).toBe(SIM_API_KEY);
    expect(first?.headers['api-username']).toBe('stoa_sim_admin');
    expect(Object.fromEntries(new URLSearchParams(first?.query))).toEqual({ status: 'pending', sort_order: 'created_at_asc', offset: '0' });
    for (const item of items) {
      expect(item.version).toMatch(/^\d+:(flagged|queued)$/);
      expect(item.reports.length).toBeGreaterThan(0);
      // Queued posts have no post yet, so no URL.
      if ((item.raw as { type: string }).type === 'ReviewableFlaggedPost') expect(item.url?.startsWith(`${h.sim.url}/discourse/t/`)).toBe(true);
    }
    const flagged = await walkFrom('reports', null);
    expect(flagged.every((item) => (item.raw as { type: string }).type === 'ReviewableFlaggedPost')).toBe(true);
  });

  it('misses nothing and repeats nothing while other moderators empty the pages behind the cursor', async () => {
    const before = pendingIds();
    const handled = new Set<string>();
    const inserted: string[] = [];
    const items = await walkFrom('modqueue', null, (index) => {
      if (index === 0) {
        // Three of the items already returned, and two just ahead, leave the queue.
        for (const id of [before[2], before[5], before[9], before[10], before[11]]) if (id && sim.externalAction(id, sim.world.find(Number(id))?.type === 'ReviewableQueuedPost' ? 'approve_post' : 'disagree')) handled.add(id);
        inserted.push(...sim.insertItems(3));
      }
      if (index === 2) {
        // A big sweep: 25 items behind the cursor vanish at once (more than a page).
        for (const id of before.slice(12, 37)) if (sim.externalAction(id, sim.world.find(Number(id))?.type === 'ReviewableQueuedPost' ? 'reject_post' : 'agree_and_hide')) handled.add(id);
      }
    });
    const seen = items.map((item) => item.remoteId);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) if (!handled.has(id)) expect(seen).toContain(id);
    for (const id of inserted) expect(seen).toContain(id);
  });

  it('quarantines a malformed reviewable, keeps the rest, and the walk still completes', async () => {
    h.sim.faults.inject({ platform: 'discourse', path: '/review.json', kind: 'malformed_payload' });
    const first = await page('modqueue', null);
    expect(first.quarantined).toHaveLength(1);
    expect(first.quarantined[0]?.error).toMatch(/version|status/);
    expect(first.items).toHaveLength(9);
    const rest = await walkFrom('modqueue', first.nextCursor);
    expect(first.items.length + rest.length).toBe(pendingIds().length - 1);
  });
});

describe('discourse: perform', () => {
  it('maps the neutral actions to the per-type action ids, sending the version the moderator saw', async () => {
    const flagged = await walkFrom('reports', null);
    const [a, b, c] = flagged;
    if (!a || !b || !c) throw new Error('need three flagged posts');
    expect(await h.platform.act({ action: 'remove', target: targetOf(a), idempotencyKey: '1' })).toMatchObject({ status: 'done', snapshot: { state: 'removed', version: '1:flagged' } });
    expect(await h.platform.act({ action: 'approve', target: targetOf(b), idempotencyKey: '2' })).toMatchObject({ status: 'done' });
    expect(await h.platform.act({ action: 'ignore_reports', target: targetOf(c), idempotencyKey: '3' })).toMatchObject({ status: 'done' });
    const queued = await firstPending('ReviewableQueuedPost');
    expect(await h.platform.act({ action: 'approve', target: targetOf(queued), idempotencyKey: '4' })).toMatchObject({ status: 'done' });
    const puts = h.sim.requests('discourse').filter((request) => request.method === 'PUT');
    expect(puts.map((request) => `${request.path}${request.query}`)).toEqual([
      `/review/${a.remoteId}/perform/agree_and_hide.json?version=0`,
      `/review/${b.remoteId}/perform/disagree.json?version=0`,
      `/review/${c.remoteId}/perform/ignore_and_do_nothing.json?version=0`,
      `/review/${queued.remoteId}/perform/approve_post.json?version=0`,
    ]);
    for (const [item, state] of [[a, 'removed'], [b, 'approved'], [c, 'ignored'], [queued, 'approved']] as const) {
      expect(await h.platform.readState(targetOf(item))).toMatchObject({ status: 'ok', snapshot: { state } });
    }
    expect(await h.platform.act({ action: 'spam', target: targetOf(a), idempotencyKey: '5' })).toMatchObject({ status: 'permanent_failure', code: 'unsupported_action' });
  });

  it('409 with a stale version: already in the target state → already_done, otherwise a conflict for a person', async () => {
    const [a, b] = await walkFrom('reports', null);
    if (!a || !b) throw new Error('need two flagged posts');
    sim.externalAction(a.remoteId, 'agree_and_hide');
    sim.externalAction(b.remoteId, 'disagree');
    expect(await h.platform.act({ action: 'remove', target: targetOf(a), idempotencyKey: 'a' })).toMatchObject({ status: 'already_done', snapshot: { state: 'removed' } });
    expect(await h.platform.act({ action: 'remove', target: targetOf(b), idempotencyKey: 'b' })).toMatchObject({ status: 'conflict', remote: { state: 'approved', version: '1:flagged' } });
    expect(writes().map((write) => [write.target, write.applied])).toEqual([[a.remoteId, false], [b.remoteId, false]]);
  });

  it('403 "already handled" (no version known, read fresh) reconciles the same way; 404 is already done', async () => {
    const [a] = await walkFrom('reports', null);
    if (!a) throw new Error('need a flagged post');
    sim.externalAction(a.remoteId, 'ignore');
    const outcome = await h.platform.act({ action: 'approve', target: { ...targetOf(a), version: null }, idempotencyKey: 'x' });
    expect(outcome).toMatchObject({ status: 'conflict', remote: { state: 'ignored' } });
    expect(h.sim.requests('discourse').filter((request) => request.method === 'PUT').map((request) => request.query)).toEqual(['?version=1']);
    expect(await h.platform.act({ action: 'approve', target: { ...targetOf(a), remoteId: '999999' }, idempotencyKey: 'y' })).toEqual({ status: 'already_done', snapshot: null });
  });

  it('commit-then-drop: reconciled to done, and a replay with the old version applies nothing', async () => {
    const [a] = await walkFrom('reports', null);
    if (!a) throw new Error('need a flagged post');
    h.sim.faults.inject({ platform: 'discourse', path: '/perform/', kind: 'commit_then_drop' });
    expect(await h.platform.act({ action: 'remove', target: targetOf(a), idempotencyKey: 'c' })).toMatchObject({ status: 'done', snapshot: { state: 'removed' } });
    // A crash before the outcome was stored means the outbox sends it again, with the old version.
    expect(await h.platform.act({ action: 'remove', target: targetOf(a), idempotencyKey: 'c' })).toMatchObject({ status: 'already_done' });
    expect(writes().filter((write) => write.applied)).toHaveLength(1);
  });

  it('a 5xx on perform is checked before anyone resends it', async () => {
    const [a] = await walkFrom('reports', null);
    if (!a) throw new Error('need a flagged post');
    h.sim.faults.inject({ platform: 'discourse', path: '/perform/', kind: 'server_error', options: { status: 503 } });
    expect(await h.platform.act({ action: 'remove', target: targetOf(a), idempotencyKey: 'd' })).toMatchObject({ status: 'retry_after', ambiguous: false });
    expect(await h.platform.act({ action: 'remove', target: targetOf(a), idempotencyKey: 'd' })).toMatchObject({ status: 'done' });
  });

  it('a claim-required site answers 422, a permanent failure', async () => {
    await h.close();
    await start({ claimRequired: true });
    const [a] = await walkFrom('reports', null);
    if (!a) throw new Error('need a flagged post');
    expect(await h.platform.act({ action: 'remove', target: targetOf(a), idempotencyKey: 'e' })).toMatchObject({ status: 'permanent_failure', code: 'must_claim' });
  });
});

describe('discourse: throttling and auth', () => {
  it.each([
    ['JSON body with Retry-After', { wait: 7 }, 7],
    ['JSON body, extras.wait_seconds only', { wait: 9, header: false }, 9],
    ['text/plain body only', { wait: 11, header: false, format: 'text' }, 11],
  ] as const)('429, %s → retry_after', async (_label, options, seconds) => {
    h.sim.faults.inject({ platform: 'discourse', path: '/review.json', kind: 'rate_limit', options });
    expect(await h.platform.pull({ queue: 'modqueue', cursor: null })).toMatchObject({ status: 'retry_after', seconds, ambiguous: false });
  });

  it('the admin-API limit answers like the middleware (text/plain + Retry-After)', async () => {
    await h.close();
    await start({ rateLimit: 2 });
    await h.platform.pull({ queue: 'modqueue', cursor: null });
    await h.platform.pull({ queue: 'modqueue', cursor: null });
    const outcome = await h.platform.pull({ queue: 'modqueue', cursor: null });
    expect(outcome).toMatchObject({ status: 'retry_after' });
    expect(outcome.status === 'retry_after' && outcome.seconds).toBeGreaterThan(0);
    h.clock.advance(60_000);
    expect((await h.platform.pull({ queue: 'modqueue', cursor: null })).status).toBe('ok');
  });

  it('a wrong or revoked key needs a person (reauth), and the key never shows in the reason', async () => {
    const wrong = h.connect({ credentials: { kind: 'api_key', apiKey: 'not-the-key', username: 'stoa_sim_admin' } });
    const outcome = await wrong.pull({ queue: 'modqueue', cursor: null });
    expect(outcome).toMatchObject({ status: 'reauth' });
    expect(JSON.stringify(outcome)).not.toContain('not-the-key');
    h.sim.faults.inject({ platform: 'discourse', kind: 'token_expired' });
    expect(await h.platform.auth.verify()).toMatchObject({ status: 'reauth' });
    expect(await h.platform.auth.verify()).toMatchObject({ status: 'ok', info: { identity: 'stoa_sim_admin' } });
  });
});

describe('discourse: ban = suspension (OpenAPI-checked)', () => {
  it('suspends with a spec-valid body; a repeat is already done; unknown users fail for good', async () => {
    const [a] = await walkFrom('reports', null);
    if (!a?.author) throw new Error('need a flagged post with an author');
    const ban = { action: 'ban' as const, target: targetOf(a), params: { durationDays: 3, reason: 'crypto spam', message: 'Take a break.' }, idempotencyKey: 'b' };
    expect(await h.platform.act(ban)).toMatchObject({ status: 'done' });
    expect(await h.platform.act(ban)).toMatchObject({ status: 'already_done' });
    const put = h.sim.requests('discourse').find((request) => request.path === `/admin/users/${a.author?.remoteId}/suspend.json`);
    const body = JSON.parse(put?.body ?? '{}') as Record<string, string>;
    expect(checkRequestBody('/admin/users/{id}/suspend.json', 'put', body)).toEqual([]);
    expect(Date.parse(body['suspend_until'] ?? '') - h.clock.nowMs()).toBe(3 * 86_400_000);
    expect(await h.platform.readState(targetOf(a))).toMatchObject({ status: 'ok', snapshot: { authorBanned: true } });
    expect(await h.platform.act({ ...ban, target: { ...targetOf(a), author: { remoteId: '77777', name: 'ghost' } } })).toMatchObject({ status: 'permanent_failure', code: 'user_not_found' });
  });

  it('the simulator rejects what the spec rejects, and answers what the spec describes', async () => {
    const headers = { 'api-key': SIM_API_KEY, 'api-username': 'stoa_sim_admin', 'content-type': 'application/json' };
    const user = [...sim.world.users.values()].find((candidate) => candidate.id > 1);
    if (!user) throw new Error('no users');
    const missing = await fetch(`${h.sim.url}/discourse/admin/users/${user.id}/suspend.json`, { method: 'PUT', headers, body: JSON.stringify({ suspend_until: '2027-01-01' }) });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('reason: required');
    const extra = await fetch(`${h.sim.url}/discourse/admin/users/${user.id}/suspend.json`, { method: 'PUT', headers, body: JSON.stringify({ suspend_until: '2027-01-01', reason: 'r', duration: 3 }) });
    expect(extra.status).toBe(400);
    const good = await fetch(`${h.sim.url}/discourse/admin/users/${user.id}/suspend.json`, { method: 'PUT', headers, body: JSON.stringify({ suspend_until: '2027-01-01', reason: 'r' }) });
    expect(good.status).toBe(200);
    expect(checkResponseBody('/admin/users/{id}/suspend.json', 'put', 200, await good.json())).toEqual([]);
    const noVersion = await fetch(`${h.sim.url}/discourse/review/${pendingIds()[0]}/perform/disagree.json`, { method: 'PUT', headers });
    expect(noVersion.status).toBe(422);
  });
});
