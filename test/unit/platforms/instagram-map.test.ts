// Instagram wire → domain mapping and Meta error classification, on recorded-shape payloads.
import { describe, expect, it } from 'vitest';
import { backoffSeconds, classifyGraphError, usageFromHeaders } from '../../../src/platforms/instagram/classify.ts';
import { graphTimeToIso, mapComments } from '../../../src/platforms/instagram/map.ts';

const now = new Date('2026-11-25T12:00:00Z');

describe('Instagram mapping', () => {
  it('maps a Graph comment and quarantines a broken sibling with the reason', () => {
    const { items, quarantined } = mapComments(
      [
        { id: '17858893269000001', text: 'congratulations buddy!', timestamp: '2026-11-20T08:15:00+0000', username: 'ig_user_7', hidden: false, from: { id: '17841400000000007', username: 'ig_user_7' } },
        { id: '17858893269000002', text: 42, timestamp: 'soon' },
        { id: '17858893269000003', text: 'dm me', timestamp: '2026-11-20T09:00:00+0000', hidden: true },
      ],
      { id: '17900000000001', name: 'New drop' },
    );
    expect(items.map((i) => [i.remoteId, i.remoteState, i.author?.name ?? null, i.createdAt])).toEqual([
      ['17858893269000001', 'open', 'ig_user_7', '2026-11-20T08:15:00.000Z'],
      ['17858893269000003', 'removed', null, '2026-11-20T09:00:00.000Z'],
    ]);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]?.error).toMatch(/text|timestamp/);
  });

  it('flattens nested replies into items that point at their parent, quarantining a broken reply', () => {
    const { items, quarantined } = mapComments(
      [
        {
          id: 'C1',
          text: 'great post',
          timestamp: '2026-11-20T08:15:00+0000',
          replies: { data: [{ id: 'R1', text: 'dm me to earn $500 a day', timestamp: '2026-11-20T08:20:00+0000', username: 'ig_user_9' }, { id: 'R2', timestamp: '2026-11-20T08:21:00+0000' }] },
        },
      ],
      { id: 'M1', name: 'M1' },
    );
    expect(items.map((i) => [i.remoteId, i.parentRemoteId])).toEqual([
      ['C1', null],
      ['R1', 'C1'],
    ]);
    expect(items[0]?.raw).not.toHaveProperty('replies');
    expect(quarantined[0]?.error).toMatch(/^Instagram reply failed validation/);
  });

  it('reads Graph offsets without a colon', () => {
    expect(graphTimeToIso('2026-11-25T01:00:00-0800')).toBe('2026-11-25T09:00:00.000Z');
  });
});

describe('Meta error classification', () => {
  const throttle = (code: number) => ({ message: 'limit', code, type: 'OAuthException' });

  it('never needs a 429: codes 4/17/32/613/80002 in 400/403 bodies are throttles', () => {
    for (const code of [4, 17, 32, 613, 80002]) {
      expect(classifyGraphError(code === 4 ? 403 : 400, throttle(code), null, false, 1, now)).toMatchObject({ status: 'retry_after', seconds: 60, ambiguous: false });
    }
  });

  it('prefers estimated_time_to_regain_access over backoff', () => {
    const headers = new Headers({
      'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":4}',
      'x-business-use-case-usage': '{"17841400000000001":[{"type":"instagram","call_count":100,"total_cputime":20,"total_time":30,"estimated_time_to_regain_access":7}]}',
    });
    const usage = usageFromHeaders(headers);
    expect(usage).toEqual({ percent: 100, regainMinutes: 7 });
    expect(classifyGraphError(400, throttle(80002), usage, false, 1, now)).toMatchObject({ seconds: 420, at: '2026-11-25T12:07:00.000Z' });
    expect(usageFromHeaders(new Headers({ 'x-app-usage': 'not json' }))).toBeNull();
    expect([1, 2, 3, 7, 12].map(backoffSeconds)).toEqual([60, 120, 240, 3600, 3600]);
  });

  it('maps token, permission, transient and parameter errors', () => {
    expect(classifyGraphError(400, { message: 'expired', code: 190, error_subcode: 463 }, null, false, 0, now)).toMatchObject({ status: 'reauth' });
    expect(classifyGraphError(403, { message: 'perm', code: 10 }, null, true, 0, now)).toMatchObject({ status: 'permanent_failure', code: 'permission_denied' });
    expect(classifyGraphError(403, { message: 'perm', code: 230 }, null, true, 0, now)).toMatchObject({ code: 'permission_denied' });
    expect(classifyGraphError(500, { message: 'oops', code: 2, is_transient: true }, null, true, 0, now)).toMatchObject({ status: 'retry_after', ambiguous: true });
    expect(classifyGraphError(503, null, null, false, 0, now)).toMatchObject({ status: 'retry_after', ambiguous: false });
    expect(classifyGraphError(400, { message: '(#100) bad', code: 100 }, null, true, 0, now)).toMatchObject({ status: 'permanent_failure', code: 'invalid_parameter' });
  });
});
