// Reddit connector against the Reddit simulator over real HTTP: queues, pagination under
// mutation, the action wire format, errors hidden in 200 bodies, OAuth rotation and throttling.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionTarget, Platform, PullPage, RemoteItem } from '../../../src/platforms/platform.ts';
import { createRedditSimulator, RedditSimulator } from '../../../src/platforms/reddit/simulator.ts';
import { FOREIGN_SUB, fullname, inListing } from '../../../src/platforms/reddit/simState.ts';
import { startHarness, type Harness } from './simHarness.ts';

let h: Harness;
let sim: RedditSimulator;

beforeEach(async () => {
  h = await startHarness('reddit', createRedditSimulator());
  const mounted = h.sim.simulator('reddit');
  if (!(mounted instanceof RedditSimulator)) throw new Error('expected the Reddit simulator');
  sim = mounted;
});
afterEach(() => h.close());

const targetOf = (item: RemoteItem): ActionTarget => ({ remoteId: item.remoteId, kind: item.kind, community: item.community, author: item.author, version: item.version });

async function page(platform: Platform, queue: 'modqueue' | 'reports' | 'spam' | 'unmoderated', cursor: string | null = null, limit?: number): Promise<PullPage> {
  const outcome = await platform.pull({ queue, cursor, limit });
  if (outcome.status !== 'ok') throw new Error(`pull failed: ${JSON.stringify(outcome)}`);
  return outcome.page;
}

async function walk(platform: Platform, queue: 'modqueue' | 'reports' | 'spam' | 'unmoderated', limit = 100): Promise<RemoteItem[]> {
  const items: RemoteItem[] = [];
  let cursor: string | null = null;
  do {
    const next: PullPage = await page(platform, queue, cursor, limit);
    items.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor !== null);
  return items;
}

const writes = () => h.sim.state().platforms['reddit']?.writes ?? [];

describe('reddit: queues', () => {
  it('walks every queue of r/mod to the end, in the neutral item shape', async () => {
    for (const queue of ['modqueue', 'reports', 'spam', 'unmoderated'] as const) {
      const items = await walk(h.platform, queue, 25);
      const expected = [...sim.world.things.values()].filter((thing) => sim.world.isModeratedSub(thing.sub) && inListing(thing, queue));
      expect(items.length, queue).toBeGreaterThan(0);
      expect(items.map((item) => item.remoteId)).toEqual(expected.sort((a, b) => b.seq - a.seq).map(fullname));
      for (const item of items) {
        expect(item.platform).toBe('reddit');
        expect(item.remoteId).toMatch(/^t[13]_[a-z0-9]+$/);
        expect(item.community.name).not.toBe(FOREIGN_SUB);
        expect(Number.isNaN(Date.parse(item.createdAt))).toBe(false);
        expect(item.body.length).toBeGreaterThan(0);
      }
    }
    const reports = await walk(h.platform, 'reports');
    expect(reports.every((item) => item.reports.some((report) => report.source !== 'automatic'))).toBe(true);
    const unmoderated = await walk(h.platform, 'unmoderated');
    expect(unmoderated.every((item) => item.kind === 'post')).toBe(true);
  });

  it('sends the documented listing request: bearer token, User-Agent, limit, raw_json, after', async () => {
    const first = await page(h.platform, 'modqueue', null, 10);
    await page(h.platform, 'modqueue', first.nextCursor, 10);
    const listings = h.sim.requests('reddit').filter((request) => request.path === '/r/mod/about/modqueue');
    expect(listings).toHaveLength(2);
    const [one, two] = listings;
    expect(one?.headers['authorization']).toMatch(/^bearer at-/);
    expect(one?.headers['user-agent']).toContain('stoa-tests');
    expect(new URLSearchParams(one?.query).get('raw_json')).toBe('1');
    expect(new URLSearchParams(one?.query).get('limit')).toBe('10');
    expect(new URLSearchParams(two?.query).get('after')).toBe(first.nextCursor);
  });

  it('keeps pagination stable when items leave mid-walk and new ones arrive at the head', async () => {
    const before = await walk(h.platform, 'modqueue', 100);
    const first = await page(h.platform, 'modqueue', null, 10);
    const anchor = first.items.at(-1);
    if (!anchor || !first.nextCursor) throw new Error('need two pages');
    // Other moderators act: the anchor itself and two items of the next page leave the queue.
    const nextIds = before.slice(10, 13).map((item) => item.remoteId);
    expect(sim.externalAction(anchor.remoteId, 'approve')).toBe(true);
    for (const id of nextIds.slice(0, 2)) sim.externalAction(id, 'remove');
    const inserted = sim.insertItems(5);
    const rest: RemoteItem[] = [];
    let cursor: string | null = first.nextCursor;
    while (cursor !== null) {
      const next: PullPage = await page(h.platform, 'modqueue', cursor, 10);
      rest.push(...next.items);
      cursor = next.nextCursor;
    }
    const seen = [...first.items, ...rest].map((item) => item.remoteId);
    expect(new Set(seen).size).toBe(seen.length);
    const stayed = before.map((item) => item.remoteId).filter((id) => id !== anchor.remoteId && !nextIds.slice(0, 2).includes(id));
    for (const id of stayed) expect(seen).toContain(id);
    for (const id of inserted) expect(rest.map((item) => item.remoteId)).not.toContain(id);
    // The next walk from the head picks the new arrivals up.
    const fresh = await page(h.platform, 'modqueue', null, 10);
    expect(fresh.items.slice(0, 5).map((item) => item.remoteId).sort()).toEqual([...inserted].sort());
  });

  it('quarantines a malformed child instead of throwing, and keeps the rest of the page', async () => {
    h.sim.faults.inject({ platform: 'reddit', path: '/about/modqueue', kind: 'malformed_payload' });
    const result = await page(h.platform, 'modqueue', null, 20);
    expect(result.quarantined).toHaveLength(1);
    expect(result.quarantined[0]?.error).toMatch(/name|created_utc/);
    expect(result.items).toHaveLength(19);
  });
});

describe('reddit: actions', () => {
  it('approve, remove, spam and ignore_reports reach the simulator with the exact wire format', async () => {
    const items = (await page(h.platform, 'modqueue', null, 4)).items;
    const [a, b, c, d] = items;
    if (!a || !b || !c || !d) throw new Error('need four items');
    expect(await h.platform.act({ action: 'approve', target: targetOf(a), idempotencyKey: 'k1' })).toMatchObject({ status: 'done' });
    expect(await h.platform.act({ action: 'remove', target: targetOf(b), idempotencyKey: 'k2' })).toMatchObject({ status: 'done' });
    expect(await h.platform.act({ action: 'spam', target: targetOf(c), idempotencyKey: 'k3' })).toMatchObject({ status: 'done' });
    expect(await h.platform.act({ action: 'ignore_reports', target: targetOf(d), idempotencyKey: 'k4' })).toMatchObject({ status: 'done' });
    const posts = h.sim.requests('reddit').filter((request) => request.method === 'POST' && request.path.startsWith('/api/') && !request.path.includes('access_token'));
    const forms = posts.map((request) => Object.fromEntries(new URLSearchParams(request.body)));
    expect(posts.map((request) => request.path)).toEqual(['/api/approve', '/api/remove', '/api/remove', '/api/ignore_reports']);
    // The server's spam default is true: a plain remove must say spam=false.
    expect(forms[1]).toMatchObject({ id: b.remoteId, spam: 'false' });
    expect(forms[2]).toMatchObject({ id: c.remoteId, spam: 'true' });
    expect(posts.every((request) => request.headers['content-type'] === 'application/x-www-form-urlencoded')).toBe(true);
    // The simulator holds clients to that: a JSON body is refused.
    const token = posts[0]?.headers['authorization'] ?? '';
    const asJson = await fetch(`${h.sim.url}/reddit/api/approve`, { method: 'POST', headers: { authorization: token, 'content-type': 'application/json' }, body: JSON.stringify({ id: d.remoteId }) });
    expect(asJson.status).toBe(400);
    for (const [item, state] of [[a, 'approved'], [b, 'removed'], [c, 'spam']] as const) {
      const read = await h.platform.readState(targetOf(item));
      expect(read).toMatchObject({ status: 'ok', snapshot: { state } });
    }
    expect(writes().map((write) => [write.action, write.applied])).toEqual([['approve', true], ['remove', true], ['spam', true], ['ignore_reports', true], ['approve', false]]);
  });

  it('bans with duration, reason and message; a repeat is an upsert that applies nothing', async () => {
    const item = (await page(h.platform, 'modqueue', null, 1)).items[0];
    if (!item?.author) throw new Error('need an item with an author');
    const ban = { action: 'ban' as const, target: targetOf(item), params: { durationDays: 7, reason: 'spam links', message: 'Please read the rules.', note: 'from Stoa' }, idempotencyKey: 'b1' };
    expect(await h.platform.act(ban)).toMatchObject({ status: 'done' });
    expect(await h.platform.act(ban)).toMatchObject({ status: 'done' });
    const friend = h.sim.requests('reddit').find((request) => request.path === `/r/${item.community.name}/api/friend`);
    expect(Object.fromEntries(new URLSearchParams(friend?.body))).toEqual({
      name: item.author.name, type: 'banned', api_type: 'json', duration: '7', ban_reason: 'spam links', ban_message: 'Please read the rules.', note: 'from Stoa',
    });
    expect(writes().map((write) => write.applied)).toEqual([true, false]);
    expect(await h.platform.readState(targetOf(item))).toMatchObject({ status: 'ok', snapshot: { authorBanned: true } });
    h.clock.advance(7 * 86_400_000 + 1000);
    expect(await h.platform.readState(targetOf(item))).toMatchObject({ status: 'ok', snapshot: { authorBanned: false } });
    // Once lapsed, the same ban applies again.
    expect(await h.platform.act(ban)).toMatchObject({ status: 'done' });
    expect(writes().map((write) => write.applied)).toEqual([true, false, true]);
  });

  it('maps errors hidden in a 200 body to permanent failures, and validates limits before sending', async () => {
    const item = (await page(h.platform, 'modqueue', null, 1)).items[0];
    if (!item) throw new Error('need an item');
    const ghost = { ...targetOf(item), author: { remoteId: 'nobody_here_xyz', name: 'nobody_here_xyz' } };
    expect(await h.platform.act({ action: 'ban', target: ghost, idempotencyKey: 'g' })).toMatchObject({ status: 'permanent_failure', code: 'USER_DOESNT_EXIST' });
    const sentBefore = h.sim.requests('reddit').length;
    expect(await h.platform.act({ action: 'ban', target: targetOf(item), params: { reason: 'x'.repeat(101) }, idempotencyKey: 't' })).toMatchObject({ status: 'permanent_failure', code: 'TOO_LONG' });
    expect(await h.platform.act({ action: 'ban', target: targetOf(item), params: { durationDays: 1000 }, idempotencyKey: 'n' })).toMatchObject({ status: 'permanent_failure', code: 'BAD_NUMBER' });
    expect(h.sim.requests('reddit').length).toBe(sentBefore);
  });

  it('SUBREDDIT_RATELIMIT hidden in a 200 is a wait, not a failure', async () => {
    await h.close();
    h = await startHarness('reddit', createRedditSimulator({ banQuota: 1 }));
    const items = (await page(h.platform, 'modqueue', null, 100)).items.filter((item) => item.author !== null);
    const [first, second] = items.filter((item) => item.community.name === items[0]?.community.name && item.author?.name !== items[0]?.author?.name);
    const lead = items[0];
    if (!lead || !first || !second) throw new Error('need three items with distinct authors in one subreddit');
    expect(await h.platform.act({ action: 'ban', target: targetOf(lead), idempotencyKey: 'q1' })).toMatchObject({ status: 'done' });
    const throttled = await h.platform.act({ action: 'ban', target: targetOf(first), idempotencyKey: 'q2' });
    expect(throttled).toMatchObject({ status: 'retry_after', seconds: 3600, reason: expect.stringContaining('try again in 60 minutes') });
    h.clock.advance(3_600_001);
    expect(await h.platform.act({ action: 'ban', target: targetOf(first), idempotencyKey: 'q2' })).toMatchObject({ status: 'done' });
  });

  it('answers 403 for a subreddit we do not moderate as a permanent failure', async () => {
    const foreign = [...sim.world.things.values()].find((thing) => thing.sub === FOREIGN_SUB);
    if (!foreign) throw new Error('seed has no foreign item');
    const target: ActionTarget = { remoteId: fullname(foreign), kind: foreign.kind === 't3' ? 'post' : 'comment', community: { remoteId: FOREIGN_SUB, name: FOREIGN_SUB }, author: null, version: null };
    expect(await h.platform.act({ action: 'approve', target, idempotencyKey: 'f' })).toMatchObject({ status: 'permanent_failure', code: 'forbidden' });
    expect(writes()).toEqual([expect.objectContaining({ target: fullname(foreign), applied: false })]);
  });
});

describe('reddit: faults', () => {
  it('commit-then-drop: reconciles by reading state, reports done, and the write applied exactly once', async () => {
    const item = (await page(h.platform, 'modqueue', null, 1)).items[0];
    if (!item) throw new Error('need an item');
    h.sim.faults.inject({ platform: 'reddit', path: '/api/approve', kind: 'commit_then_drop' });
    const outcome = await h.platform.act({ action: 'approve', target: targetOf(item), idempotencyKey: 'c' });
    expect(outcome).toMatchObject({ status: 'done', snapshot: { state: 'approved' } });
    expect(writes().filter((write) => write.applied)).toHaveLength(1);
    expect(h.sim.requests('reddit').some((request) => request.path === '/api/info')).toBe(true);
  });

  it('a 5xx on a write is checked before anyone resends: not applied → retry, no longer ambiguous', async () => {
    const item = (await page(h.platform, 'modqueue', null, 1)).items[0];
    if (!item) throw new Error('need an item');
    h.sim.faults.inject({ platform: 'reddit', path: '/api/remove', kind: 'server_error', options: { status: 502 } });
    const outcome = await h.platform.act({ action: 'remove', target: targetOf(item), idempotencyKey: 'r' });
    expect(outcome).toMatchObject({ status: 'retry_after', ambiguous: false });
    expect(writes()).toEqual([expect.objectContaining({ action: 'remove', applied: false })]);
  });

  it('a 429 burst becomes retry_after from X-Ratelimit-Reset', async () => {
    h.sim.faults.inject({ platform: 'reddit', path: '/about/spam', kind: 'rate_limit', options: { reset: 42 } });
    const outcome = await h.platform.pull({ queue: 'spam', cursor: null });
    expect(outcome).toMatchObject({ status: 'retry_after', seconds: 42, ambiguous: false });
    expect(outcome.status === 'retry_after' && Date.parse(outcome.at) - h.clock.nowMs()).toBe(42_000);
  });

  it('spends the X-Ratelimit budget down, then waits for the reset instead of sending into a 429', async () => {
    await h.close();
    h = await startHarness('reddit', createRedditSimulator({ rateLimit: 3 }));
    for (let i = 0; i < 3; i += 1) expect((await h.platform.pull({ queue: 'modqueue', cursor: null, limit: 1 })).status).toBe('ok');
    const sent = h.sim.requests('reddit').length;
    const outcome = await h.platform.pull({ queue: 'modqueue', cursor: null, limit: 1 });
    expect(outcome).toMatchObject({ status: 'retry_after' });
    expect(h.sim.requests('reddit').length).toBe(sent);
    h.clock.advance(600_000);
    expect((await h.platform.pull({ queue: 'modqueue', cursor: null, limit: 1 })).status).toBe('ok');
  });

  it('an over-budget 429 from the server carries the window reset', async () => {
    await h.close();
    h = await startHarness('reddit', createRedditSimulator({ rateLimit: 2 }));
    await h.platform.pull({ queue: 'modqueue', cursor: null, limit: 1 });
    // A second connector with the same (persisted) credentials spends the shared budget unseen.
    const other = h.connect({ credentials: h.saved.at(-1) });
    expect((await other.pull({ queue: 'modqueue', cursor: null, limit: 1 })).status).toBe('ok');
    const outcome = await h.platform.pull({ queue: 'modqueue', cursor: null, limit: 1 });
    expect(outcome).toMatchObject({ status: 'retry_after' });
    expect(outcome.status === 'retry_after' && outcome.seconds).toBeGreaterThan(0);
    expect(h.sim.requests('reddit').at(-1)?.path).toBe('/r/mod/about/modqueue');
  });
});

describe('reddit: OAuth', () => {
  it('refreshes an expired token and persists the rotated refresh token before the next call', async () => {
    await h.platform.pull({ queue: 'modqueue', cursor: null, limit: 1 });
    expect(h.saved).toHaveLength(1);
    h.clock.advance(3601_000);
    await h.platform.pull({ queue: 'modqueue', cursor: null, limit: 1 });
    expect(h.saved).toHaveLength(2);
    const [first, second] = h.saved;
    if (first?.kind !== 'oauth2' || second?.kind !== 'oauth2') throw new Error('expected oauth2 credentials');
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // Every API request after a refresh left only once the new refresh token was persisted.
    const tokenCalls = h.sent.map((request, index) => ({ request, index })).filter(({ request }) => request.url.endsWith('/api/v1/access_token'));
    for (const { index } of tokenCalls) {
      const next = h.sent[index + 1];
      if (next) expect(next.persistedRefreshToken).toBe(refreshAfter(index));
    }
    // The consumed refresh token is revoked once the new one has been used.
    expect(sim.oauth.isRevoked(first.refreshToken)).toBe(true);
    const stale = h.connect({ credentials: { ...first, accessToken: undefined } });
    expect(await stale.pull({ queue: 'modqueue', cursor: null })).toMatchObject({ status: 'reauth' });
  });

  it('refreshes once on 401 invalid_token and retries only the failed call', async () => {
    const item = (await page(h.platform, 'modqueue', null, 1)).items[0];
    if (!item) throw new Error('need an item');
    h.sim.faults.inject({ platform: 'reddit', path: '/api/approve', kind: 'token_expired' });
    expect(await h.platform.act({ action: 'approve', target: targetOf(item), idempotencyKey: 'e' })).toMatchObject({ status: 'done' });
    expect(writes().map((write) => write.applied)).toEqual([false, true]);
    expect(sim.oauth.refreshCount).toBe(2);
  });

  it('does not use a refreshed token it could not persist, and saves it first on the next call', async () => {
    h.failSaves(1);
    const outcome = await h.platform.pull({ queue: 'modqueue', cursor: null });
    expect(outcome).toMatchObject({ status: 'retry_after' });
    expect(h.sim.requests('reddit').map((request) => request.path)).toEqual(['/api/v1/access_token']);
    expect((await h.platform.pull({ queue: 'modqueue', cursor: null })).status).toBe('ok');
    expect(h.saved).toHaveLength(1);
    // No second refresh: the unsaved credentials were saved, then used.
    expect(sim.oauth.refreshCount).toBe(1);
  });

  it('needs a person when the refresh token or the app credentials are refused', async () => {
    const account = h.sim.accounts()['reddit'];
    if (account?.credentials.kind !== 'oauth2') throw new Error('expected oauth2');
    const revoked = h.connect({ credentials: { ...account.credentials, refreshToken: 'rt-not-issued' } });
    expect(await revoked.auth.ensure()).toMatchObject({ status: 'reauth', reason: expect.stringContaining('invalid_request') });
    const badApp = h.connect({ credentials: { ...account.credentials, clientSecret: 'wrong' } });
    expect(await badApp.auth.ensure()).toMatchObject({ status: 'reauth' });
    // No secret in any reason.
    expect(JSON.stringify(await badApp.auth.ensure())).not.toContain('wrong');
    expect(await h.platform.auth.verify()).toMatchObject({ status: 'ok', info: { identity: 'stoa_sim_mod' } });
  });
});

function refreshAfter(tokenCallIndex: number): string | null {
  // The refresh token the token endpoint handed out at that call = the one saved right after it.
  const tokenCalls = h.sent.filter((request, index) => index <= tokenCallIndex && request.url.endsWith('/api/v1/access_token')).length;
  const saved = h.saved[tokenCalls - 1];
  return saved?.kind === 'oauth2' ? saved.refreshToken : null;
}
