// YouTube connector ↔ simulator over real HTTP: reading the held-for-review and likely-spam queues.
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteItem } from '../../../src/platforms/platform.ts';
import { idsWithStatus, startYoutubeRig, type YoutubeRig } from './youtubeHarness.ts';

let rig: YoutubeRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

async function walk(r: YoutubeRig, queue: 'modqueue' | 'spam', limit: number, between?: (page: number) => void): Promise<RemoteItem[]> {
  const items: RemoteItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 500; page += 1) {
    const outcome = await r.platform.pull({ queue, cursor, limit });
    if (outcome.status !== 'ok') throw new Error(`pull failed: ${JSON.stringify(outcome)}`);
    items.push(...outcome.page.items);
    cursor = outcome.page.nextCursor;
    if (cursor === null) return items;
    between?.(page);
  }
  throw new Error('walk did not end');
}

describe('YouTube pull', () => {
  it('walks the whole held-for-review queue, replies included, with real dataset text and authors', async () => {
    rig = await startYoutubeRig();
    const items = await walk(rig, 'modqueue', 50);
    const ids = items.map((i) => i.remoteId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(idsWithStatus(rig.sim, 'heldForReview')));
    expect(items.some((i) => i.parentRemoteId !== null)).toBe(true);
    const first = items.find((i) => i.remoteId === 'LZQPQhLyRh80UYxNuaDWhIGQYNQ96IuCg-AYWqNPjpU') ?? items[0];
    expect(first?.platform).toBe('youtube');
    expect(first?.remoteState).toBe('open');
    expect(first?.reports[0]?.source).toBe('automatic');
    // Real authors and 2013–2015 timestamps from the YouTube Spam Collection.
    expect(items.every((i) => i.createdAt < '2016-01-01')).toBe(true);
    expect(new Set(items.map((i) => i.author?.name)).size).toBeGreaterThan(20);
  });

  it('sends exactly the documented parameters', async () => {
    rig = await startYoutubeRig();
    const outcome = await rig.platform.pull({ queue: 'spam', cursor: null, limit: 5 });
    expect(outcome.status).toBe('ok');
    const [request] = rig.requests('/youtube/v3/commentThreads');
    expect(request?.method).toBe('GET');
    expect(Object.fromEntries(request?.query ?? [])).toEqual({
      part: 'snippet,replies',
      allThreadsRelatedToChannelId: rig.sim.channelId,
      moderationStatus: 'likelySpam',
      maxResults: '5',
      order: 'time',
      textFormat: 'plainText',
    });
  });

  it('keeps the walk correct when items leave the queue and new ones arrive between pages', async () => {
    rig = await startYoutubeRig();
    const r = rig;
    const before = new Set(idsWithStatus(r.sim, 'heldForReview', true));
    const actedOn = new Set<string>();
    const seen = await walk(r, 'modqueue', 10, (page) => {
      if (page > 3) return;
      // Another moderator clears a few held comments, including ones we have not reached yet;
      // new comments arrive at the head of the queue.
      const remaining = idsWithStatus(r.sim, 'heldForReview', true).filter((id) => !actedOn.has(id));
      for (const id of remaining.slice(0, 3)) {
        r.sim.externalAction(id, 'published');
        actedOn.add(id);
      }
      r.sim.insertItems(4);
    });
    const seenIds = new Set(seen.map((i) => i.remoteId));
    expect(seenIds.size).toBe(seen.length); // no duplicates
    const missed = [...before].filter((id) => !actedOn.has(id) && !seenIds.has(id));
    expect(missed).toEqual([]); // nothing that stayed in the queue was skipped
  });

  it('restarts from the head when a stored page token is no longer accepted', async () => {
    rig = await startYoutubeRig();
    const outcome = await rig.platform.pull({ queue: 'modqueue', cursor: 'garbled-token', limit: 5 });
    expect(outcome.status).toBe('ok');
    const calls = rig.requests('/youtube/v3/commentThreads');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.query.has('pageToken')).toBe(false);
  });

  it('quarantines a malformed thread and still delivers its siblings', async () => {
    rig = await startYoutubeRig();
    rig.sims.faults.inject({ platform: 'youtube', path: '/commentThreads', kind: 'malformed_payload' });
    const outcome = await rig.platform.pull({ queue: 'modqueue', cursor: null, limit: 20 });
    if (outcome.status !== 'ok') throw new Error(outcome.status);
    expect(outcome.page.quarantined).toHaveLength(1);
    expect(outcome.page.quarantined[0]?.error).toMatch(/failed validation/);
    expect(outcome.page.items.length).toBeGreaterThanOrEqual(19);
    expect(outcome.page.nextCursor).not.toBeNull();
  });

  it('refuses queues YouTube does not have', async () => {
    rig = await startYoutubeRig();
    const outcome = await rig.platform.pull({ queue: 'reports', cursor: null });
    expect(outcome).toMatchObject({ status: 'permanent_failure', code: 'unsupported_queue' });
  });
});
