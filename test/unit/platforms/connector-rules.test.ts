// Pure connector rules: state derivation from both Reddit payload generations, Discourse status
// meaning per reviewable type, opaque versions and cursors, reconciliation, Retry-After parsing.
import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, exchange } from '../../../src/platforms/common/http.ts';
import { decodeVersion, encodeVersion, stateOf } from '../../../src/platforms/discourse/map.ts';
import { decodeCursor, encodeCursor, reachesBack } from '../../../src/platforms/discourse/paging.ts';
import { actionReflected, type RemoteSnapshot } from '../../../src/platforms/platform.ts';
import { parseListing, remoteStateOf, reportsOf } from '../../../src/platforms/reddit/map.ts';
import { thingDataSchema } from '../../../src/platforms/reddit/wire.ts';
import { createVirtualClock } from '../../../src/platforms/sim/clock.ts';

const thing = (fields: Record<string, unknown>) => thingDataSchema.parse({ name: 't3_abc', id: 'abc', subreddit: 's', author: 'u', created_utc: 1, ...fields });

describe('reddit state derivation', () => {
  it.each([
    [{}, 'open'],
    [{ approved_by: 'mod' }, 'approved'],
    [{ approved: true, approved_by: 'mod' }, 'approved'],
    [{ banned_by: 'mod' }, 'removed'],
    [{ banned_by: 'mod', removed: true, spam: true }, 'spam'],
    [{ banned_by: true, spam: true }, 'open'],
    [{ banned_by: true }, 'open'],
    [{ ignore_reports: true, num_reports: 2 }, 'ignored'],
    [{ author: '[deleted]', selftext: '[deleted]' }, 'deleted'],
  ] as const)('%o → %s', (fields, state) => {
    expect(remoteStateOf(thing(fields))).toBe(state);
  });

  it('reads user reports (reason may be null), mod reports, and the spam filter as an automatic report', () => {
    expect(reportsOf(thing({ user_reports: [[null, 2], ['Spam', 1, false]], mod_reports: [['rule 3', 'mod']], banned_by: true }))).toEqual([
      { source: 'user', reason: 'no reason given', count: 2 },
      { source: 'user', reason: 'Spam', count: 1 },
      { source: 'moderator', reason: 'rule 3', count: 1 },
      { source: 'automatic', reason: 'spam filter', count: 1 },
    ]);
  });

  it('quarantines children it cannot read and refuses a body that is not a listing', () => {
    const parsed = parseListing({ kind: 'Listing', data: { after: null, children: [{ kind: 't3', data: { name: 't3_ok', id: 'ok', subreddit: 's', author: 'a', created_utc: 5 } }, { kind: 't3', data: { id: 'x' } }, 'junk'] } });
    expect(parsed.ok && parsed.things.length).toBe(1);
    expect(parsed.ok && parsed.quarantined.length).toBe(2);
    expect(parseListing('<html>').ok).toBe(false);
  });
});

describe('discourse rules', () => {
  it.each([
    ['ReviewableFlaggedPost', 0, 'open'],
    ['ReviewableFlaggedPost', 1, 'removed'],
    ['ReviewableFlaggedPost', 2, 'approved'],
    ['ReviewableQueuedPost', 1, 'approved'],
    ['ReviewableQueuedPost', 2, 'removed'],
    ['ReviewableQueuedPost', 3, 'ignored'],
    ['ReviewableUser', 4, 'deleted'],
  ] as const)('%s status %i → %s', (type, status, state) => {
    expect(stateOf({ type, status })).toBe(state);
  });

  it('versions and cursors round-trip; garbage decodes to null (a restart, not a crash)', () => {
    expect(decodeVersion(encodeVersion({ version: 7, type: 'ReviewableQueuedPost' }))).toEqual({ version: 7, kind: 'queued' });
    expect(decodeVersion('seven')).toBeNull();
    const cursor = { offset: 20, createdAt: '2026-11-20T00:00:00.000Z', id: 55 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor('%%%')).toBeNull();
  });

  it('detects that the sentinel moved behind the page', () => {
    const cursor = { offset: 10, createdAt: '2026-11-20T00:00:00.000Z', id: 55 };
    expect(reachesBack([{ created_at: '2026-11-20T00:00:00.000Z', id: 55 }], cursor)).toBe(true);
    expect(reachesBack([{ created_at: '2026-11-20T00:00:00.000Z', id: 56 }], cursor)).toBe(false);
    expect(reachesBack([], cursor)).toBe(true);
  });
});

describe('reconciliation and transport', () => {
  const snapshot = (fields: Partial<RemoteSnapshot>): RemoteSnapshot => ({ remoteId: 'x', state: 'open', version: null, reportCount: 1, authorBanned: null, ...fields });
  it('actionReflected says when a read shows the action already took effect', () => {
    expect(actionReflected('approve', snapshot({ state: 'approved' }))).toBe(true);
    expect(actionReflected('remove', snapshot({ state: 'spam' }))).toBe(true);
    expect(actionReflected('spam', snapshot({ state: 'removed' }))).toBe(false);
    expect(actionReflected('ignore_reports', snapshot({ reportCount: 0 }))).toBe(true);
    // Where the platform keeps the flag, the flag decides (a report-free item is not "ignored" yet).
    expect(actionReflected('ignore_reports', snapshot({ reportCount: 0, reportsIgnored: false }))).toBe(false);
    expect(actionReflected('ignore_reports', snapshot({ reportCount: 3, reportsIgnored: true }))).toBe(true);
    expect(actionReflected('ban', snapshot({ authorBanned: null }))).toBe(false);
    expect(actionReflected('ban', snapshot({ authorBanned: true }))).toBe(true);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const clock = createVirtualClock(new Date('2026-11-25T12:00:00Z'));
    expect(retryAfterSeconds('30', clock)).toBe(30);
    expect(retryAfterSeconds('Wed, 25 Nov 2026 12:01:00 GMT', clock)).toBe(60);
    expect(retryAfterSeconds('soon', clock)).toBeNull();
    expect(retryAfterSeconds(null, clock)).toBeNull();
  });

  it('a refused connection is an outcome, not a throw', async () => {
    const reply = await exchange(fetch, 'http://127.0.0.1:1/x', { method: 'GET' }, 2000);
    expect(reply.ok).toBe(false);
  });
});
