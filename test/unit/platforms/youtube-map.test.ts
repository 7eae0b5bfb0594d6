// YouTube wire → domain mapping and Google error classification.
import { describe, expect, it } from 'vitest';
import { classifyApiError, classifyNetworkError } from '../../../src/platforms/youtube/classify.ts';
import { mapThreads } from '../../../src/platforms/youtube/map.ts';
import { planFor } from '../../../src/platforms/youtube/moderate.ts';

const comment = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  kind: 'youtube#comment',
  id,
  snippet: { videoId: '9bZkp7q19f0', authorDisplayName: 'Julius NM', authorChannelId: { value: 'UCabc' }, textDisplay: 'check out my channel', moderationStatus: status, publishedAt: '2013-11-07T06:20:48Z', ...extra },
});

describe('YouTube mapping', () => {
  it('keeps the comments of a thread that are in the queue, and flags sampled replies', () => {
    const threads = [
      { kind: 'youtube#commentThread', id: 'T1', snippet: { totalReplyCount: 1, topLevelComment: comment('T1', 'likelySpam') }, replies: { comments: [comment('T1.r1', 'published', { parentId: 'T1' })] } },
      { kind: 'youtube#commentThread', id: 'T2', snippet: { totalReplyCount: 7, topLevelComment: comment('T2', 'published') }, replies: { comments: [comment('T2.r1', 'likelySpam', { parentId: 'T2' })] } },
      { kind: 'youtube#commentThread', id: 'T3', snippet: { topLevelComment: { kind: 'youtube#comment', id: 'T3', snippet: { publishedAt: 'yesterday' } } } },
    ];
    const mapped = mapThreads(threads, 'likelySpam');
    expect(mapped.items.map((i) => [i.remoteId, i.parentRemoteId, i.remoteState])).toEqual([
      ['T1', null, 'open'],
      ['T2.r1', 'T2', 'open'],
    ]);
    expect(mapped.items[0]).toMatchObject({ community: { remoteId: '9bZkp7q19f0' }, author: { remoteId: 'UCabc', name: 'Julius NM' }, createdAt: '2013-11-07T06:20:48.000Z', reports: [{ source: 'automatic', reason: 'YouTube: likely spam' }] });
    expect(mapped.incompleteThreads).toEqual(['T2']);
    expect(mapped.quarantined).toHaveLength(1);
  });

  it('plans each domain action as a setModerationStatus call', () => {
    expect(planFor('approve')).toEqual({ status: 'published', banAuthor: false });
    expect(planFor('remove')).toEqual({ status: 'rejected', banAuthor: false });
    expect(planFor('ban')).toEqual({ status: 'rejected', banAuthor: true });
    expect(planFor('spam')).toBeNull();
  });
});

describe('Google error classification', () => {
  const err = (code: number, reason: string) => ({ error: { code, message: reason, errors: [{ reason, domain: 'youtube.quota' }] } });

  it('parks quota exhaustion until Pacific midnight and slows down on per-minute limits', () => {
    const at = new Date('2026-03-08T07:30:00Z'); // 23:30 PST on 7 Mar, the night clocks spring forward
    expect(classifyApiError(403, err(403, 'quotaExceeded'), true, at)).toMatchObject({ status: 'retry_after', at: '2026-03-08T08:00:00.000Z', seconds: 1800, ambiguous: false });
    expect(classifyApiError(403, err(403, 'dailyLimitExceeded'), false, at)).toMatchObject({ at: '2026-03-08T08:00:00.000Z' });
    expect(classifyApiError(403, err(403, 'rateLimitExceeded'), true, at)).toMatchObject({ status: 'retry_after', seconds: 60 });
  });

  it('separates permanent refusals from transient failures', () => {
    const at = new Date('2026-11-25T12:00:00Z');
    expect(classifyApiError(400, err(400, 'banWithoutReject'), true, at)).toMatchObject({ status: 'permanent_failure', code: 'banWithoutReject' });
    expect(classifyApiError(403, err(403, 'forbidden'), true, at)).toMatchObject({ status: 'permanent_failure', code: 'forbidden' });
    expect(classifyApiError(503, '<html>', true, at)).toMatchObject({ status: 'retry_after', ambiguous: true });
    expect(classifyApiError(503, '<html>', false, at)).toMatchObject({ status: 'retry_after', ambiguous: false });
    expect(classifyApiError(401, err(401, 'authError'), false, at)).toMatchObject({ status: 'reauth' });
  });

  // Google gives no time for these; a long fixed floor would override the engine's jittered
  // backoff (1 s, 2 s, 4 s…) and leave a dropped write waiting past a sync's --max-wait.
  it('gives a 5xx or a dropped connection no wait longer than the connectors\' shared 5 s floor', () => {
    const at = new Date('2026-11-25T12:00:00Z');
    const fiveSecondsLater = '2026-11-25T12:00:05.000Z';
    expect(classifyApiError(503, '<html>', true, at)).toMatchObject({ at: fiveSecondsLater, seconds: 5 });
    expect(classifyNetworkError(new TypeError('fetch failed'), true, at)).toMatchObject({ status: 'retry_after', at: fiveSecondsLater, ambiguous: true });
    expect(classifyNetworkError(new TypeError('fetch failed'), false, at)).toMatchObject({ at: fiveSecondsLater, ambiguous: false });
  });
});
