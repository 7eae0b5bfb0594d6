// YouTube connector ↔ simulator over real HTTP: setModerationStatus batching, partial batches,
// bans, ambiguous commit-then-drop reconciled by read-before-write, and error shapes.
import { afterEach, describe, expect, it } from 'vitest';
import { actionReflected, type ActionRequest } from '../../../src/platforms/platform.ts';
import { idsWithStatus, startYoutubeRig, targetOf, type YoutubeRig } from './youtubeHarness.ts';

let rig: YoutubeRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const request = (r: YoutubeRig, id: string, action: ActionRequest['action']): ActionRequest => ({ action, target: targetOf(r.sim, id), idempotencyKey: `k-${action}-${id}` });

describe('YouTube moderation writes', () => {
  it('sends at most 50 ids per setModerationStatus call and applies each exactly once', async () => {
    rig = await startYoutubeRig();
    const r = rig;
    const ids = [...idsWithStatus(r.sim, 'likelySpam'), ...idsWithStatus(r.sim, 'heldForReview')].slice(0, 120);
    expect(ids).toHaveLength(120);
    const outcomes = await r.platform.actBatch?.(ids.map((id) => request(r, id, 'remove')));
    expect(outcomes?.every((o) => o.status === 'done')).toBe(true);
    const calls = r.requests('/youtube/v3/comments/setModerationStatus');
    expect(calls.map((c) => c.query.get('id')?.split(',').length)).toEqual([50, 50, 20]);
    for (const call of calls) {
      expect(call.method).toBe('POST');
      expect(call.body).toBe(''); // query parameters only, no body
      expect(call.query.get('moderationStatus')).toBe('rejected');
      expect(call.query.has('banAuthor')).toBe(false);
    }
    expect(ids.every((id) => r.sim.model.comments.get(id)?.status === 'rejected')).toBe(true);
    const applied = r.sim.state().writes.filter((w) => w.applied);
    expect(applied).toHaveLength(120);
    expect(new Set(applied.map((w) => w.target)).size).toBe(120);
    // 3 calls × 50 units (the per-call price does not depend on the number of ids).
    expect(r.sim.quota.spent(r.clock.now())).toBe(150);
  });

  it('settles a deleted comment in a batch without failing the rest (404 commentNotFound)', async () => {
    rig = await startYoutubeRig();
    const r = rig;
    const ids = idsWithStatus(r.sim, 'heldForReview').slice(0, 10);
    const gone = ids[4] ?? '';
    r.sim.externalAction(gone, 'delete');
    const outcomes = (await r.platform.actBatch?.(ids.map((id) => request(r, id, 'remove')))) ?? [];
    expect(outcomes[4]).toMatchObject({ status: 'already_done', snapshot: { state: 'deleted' } });
    expect(outcomes.filter((o) => o.status === 'done')).toHaveLength(9);
    const calls = r.requests('/youtube/v3/comments/setModerationStatus');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.query.get('id')?.split(',')).not.toContain(gone);
  });

  it('isolates a rejected comment in a publish batch by splitting, and reports it as permanent', async () => {
    rig = await startYoutubeRig();
    const r = rig;
    const ids = idsWithStatus(r.sim, 'heldForReview').slice(0, 16);
    const rejected = ids[11] ?? '';
    r.sim.externalAction(rejected, 'rejected');
    const outcomes = (await r.platform.actBatch?.(ids.map((id) => request(r, id, 'approve')))) ?? [];
    expect(outcomes[11]).toMatchObject({ status: 'permanent_failure', code: 'operationNotSupported' });
    expect(outcomes.filter((o) => o.status === 'done')).toHaveLength(15);
    expect(r.sim.model.comments.get(rejected)?.status).toBe('rejected');
    expect(r.requests('/youtube/v3/comments/setModerationStatus').length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(16)) + 1);
  });

  it('bans an author: rejected with banAuthor=true, and the author’s next comment is rejected on arrival', async () => {
    rig = await startYoutubeRig();
    const id = idsWithStatus(rig.sim, 'likelySpam', true)[0] ?? '';
    const outcome = await rig.platform.act(request(rig, id, 'ban'));
    expect(outcome).toMatchObject({ status: 'done', snapshot: { state: 'removed', authorBanned: true } });
    const [call] = rig.requests('/youtube/v3/comments/setModerationStatus');
    expect(call?.query.get('banAuthor')).toBe('true');
    expect(call?.query.get('moderationStatus')).toBe('rejected');
    const author = rig.sim.model.comments.get(id);
    const next = rig.sim.model.insert({ parentId: null, videoId: author?.videoId ?? '', authorName: author?.authorName ?? '', text: 'again', publishedAt: rig.clock.now().toISOString(), status: 'heldForReview' });
    expect(next.status).toBe('rejected');
  });

  it('simulator rejects banAuthor without rejected, unknown parameters and >50 ids (discovery-checked)', async () => {
    rig = await startYoutubeRig();
    const token = rig.sim.auth.grantAccessToken().accessToken;
    const id = idsWithStatus(rig.sim, 'heldForReview')[0] ?? '';
    const post = async (query: string) => {
      const res = await fetch(`${rig?.sims.url}/youtube/youtube/v3/comments/setModerationStatus?${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as { error: { errors: { reason: string }[] } } };
    };
    expect((await post(`id=${id}&moderationStatus=published&banAuthor=true`)).body.error.errors[0]?.reason).toBe('banWithoutReject');
    expect((await post(`id=${id}&moderationStatus=rejected&spam=true`)).body.error.errors[0]?.reason).toBe('unknownParameter');
    expect((await post(`id=${id}&moderationStatus=likelySpam`)).body.error.errors[0]?.reason).toBe('invalidParameter');
    expect((await post(`moderationStatus=rejected`)).body.error.errors[0]?.reason).toBe('required');
    const many = Array.from({ length: 51 }, (_, i) => `x${i}`).join(',');
    expect((await post(`id=${many}&moderationStatus=rejected`)).status).toBe(400);
    expect(rig.sim.model.comments.get(id)?.status).toBe('heldForReview');
  });

  it('reconciles commit-then-drop with read-before-write: applied once, never sent twice', async () => {
    rig = await startYoutubeRig();
    const id = idsWithStatus(rig.sim, 'heldForReview', true)[0] ?? '';
    rig.sims.faults.inject({ platform: 'youtube', path: '/comments/setModerationStatus', kind: 'commit_then_drop' });
    const outcome = await rig.platform.act(request(rig, id, 'remove'));
    expect(outcome).toMatchObject({ status: 'retry_after', ambiguous: true });
    const read = await rig.platform.readState(targetOf(rig.sim, id));
    if (read.status !== 'ok') throw new Error(read.status);
    expect(read.snapshot.state).toBe('removed');
    expect(actionReflected('remove', read.snapshot)).toBe(true);
    const writes = rig.sim.state().writes.filter((w) => w.target === id);
    expect(writes).toEqual([expect.objectContaining({ applied: true, action: 'setModerationStatus:rejected' })]);
  });

  it('reads a malformed lookup as "cannot tell yet", never as deleted or rejected', async () => {
    rig = await startYoutubeRig();
    const r = rig;
    const held = idsWithStatus(r.sim, 'heldForReview', true)[0] ?? '';
    r.sims.faults.inject({ platform: 'youtube', path: /\/comments$/, kind: 'malformed_payload' });
    const lookup = await r.platform.readState(targetOf(r.sim, held));
    expect(lookup).toMatchObject({ status: 'retry_after', ambiguous: true });
    // The next read, with nothing broken, finds the comment where it is.
    const again = await r.platform.readState(targetOf(r.sim, held));
    expect(again).toMatchObject({ status: 'ok', snapshot: { state: 'open' } });
  });

  it('reads each state back through listings, since lookups by id omit moderationStatus', async () => {
    rig = await startYoutubeRig();
    const held = idsWithStatus(rig.sim, 'heldForReview', true)[0] ?? '';
    const spam = idsWithStatus(rig.sim, 'likelySpam', true)[0] ?? '';
    const published = idsWithStatus(rig.sim, 'published', true)[0] ?? '';
    const gone = idsWithStatus(rig.sim, 'published', true)[1] ?? '';
    rig.sim.externalAction(gone, 'delete');
    const state = async (id: string) => {
      const read = await rig?.platform.readState(targetOf(rig.sim, id));
      return read?.status === 'ok' ? read.snapshot.state : read?.status;
    };
    expect(await state(held)).toBe('open');
    expect(await state(spam)).toBe('open');
    expect(await state(published)).toBe('approved');
    expect(await state(gone)).toBe('not_found');
    const byId = rig.requests('/youtube/v3/comments').find((r) => r.query.get('id') === held);
    expect(byId).toBeDefined();
  });

  it('maps transient failures: 5xx on a write is ambiguous, per-minute throttling is not', async () => {
    rig = await startYoutubeRig();
    const [a, b] = idsWithStatus(rig.sim, 'heldForReview');
    rig.sims.faults.inject({ platform: 'youtube', path: '/comments/setModerationStatus', kind: 'server_error', options: { format: 'html' } });
    expect(await rig.platform.act(request(rig, a ?? '', 'remove'))).toMatchObject({ status: 'retry_after', ambiguous: true });
    rig.sims.faults.inject({ platform: 'youtube', path: '/comments/setModerationStatus', kind: 'rate_limit' });
    expect(await rig.platform.act(request(rig, b ?? '', 'remove'))).toMatchObject({ status: 'retry_after', ambiguous: false, seconds: 60 });
    // Throttled: the next call waits without being sent, then goes once the minute is over.
    const sent = rig.requests('/youtube/v3/comments/setModerationStatus').length;
    expect(await rig.platform.act(request(rig, b ?? '', 'remove'))).toMatchObject({ status: 'retry_after', ambiguous: false });
    expect(rig.requests('/youtube/v3/comments/setModerationStatus')).toHaveLength(sent);
    rig.clock.advance(61_000);
    expect((await rig.platform.act(request(rig, b ?? '', 'remove'))).status).toBe('done');
    expect(await rig.platform.act(request(rig, a ?? '', 'spam'))).toMatchObject({ status: 'permanent_failure', code: 'unsupported_action' });
    // Refused writes are still in the write log, as not applied.
    expect(rig.sim.state().writes.map((w) => [w.target, w.applied])).toEqual([
      [a, false],
      [b, false],
      [b, true],
    ]);
  });
});
