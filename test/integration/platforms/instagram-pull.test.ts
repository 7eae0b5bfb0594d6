// Instagram connector ↔ simulator over real HTTP: walking posts and their comments.
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteItem } from '../../../src/platforms/platform.ts';
import { defaultSeedCorpus } from '../../../src/platforms/sim/index.ts';
import { startInstagramRig, type InstagramRig } from './instagramHarness.ts';

let rig: InstagramRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

async function walk(r: InstagramRig, limit: number, between?: (page: number) => void) {
  const items: RemoteItem[] = [];
  const quarantined: unknown[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 2000; page += 1) {
    const outcome = await r.platform.pull({ queue: 'comments', cursor, limit });
    if (outcome.status !== 'ok') throw new Error(`pull failed: ${JSON.stringify(outcome)}`);
    items.push(...outcome.page.items);
    quarantined.push(...outcome.page.quarantined);
    cursor = outcome.page.nextCursor;
    if (cursor === null) return { items, quarantined, pages: page + 1 };
    between?.(page);
  }
  throw new Error('walk did not end');
}

describe('Instagram pull', () => {
  it('walks every comment of every post, with real ScamSpot text; hidden ones arrive as removed', async () => {
    rig = await startInstagramRig({ seedLimit: 300, mediaCount: 12 });
    const { items } = await walk(rig, 50);
    const live = [...rig.sim.model.comments.values()].filter((c) => !c.deleted);
    expect(items.map((i) => i.remoteId).sort()).toEqual(live.map((c) => c.id).sort());
    // Replies arrive as items of their own, pointing at their parent.
    const replies = live.filter((c) => c.parentId !== null);
    expect(replies.length).toBeGreaterThan(20);
    for (const reply of replies) expect(items.find((i) => i.remoteId === reply.id)?.parentRemoteId).toBe(reply.parentId);
    const hidden = live.filter((c) => c.hidden).map((c) => c.id);
    expect(hidden.length).toBeGreaterThan(0);
    expect(items.filter((i) => i.remoteState === 'removed').map((i) => i.remoteId).sort()).toEqual(hidden.sort());
    // The corpus's first row (full datasets or the bundled sample) arrives with its derived handle.
    const first = defaultSeedCorpus().corpus.instagram[0];
    const seeded = items.find((i) => i.body === first?.text);
    expect(seeded?.author?.name).toBe(`ig_user_${first?.sourceId ?? ''}`);
    expect(seeded?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(items.every((i) => i.platform === 'instagram' && i.kind === 'comment')).toBe(true);
  });

  it('follows a reply thread past the first page Graph nests, each reply once, in order', async () => {
    rig = await startInstagramRig({ seedLimit: 40, mediaCount: 2 });
    const r = rig;
    const parent = [...r.sim.model.comments.values()].find((c) => c.parentId === null && !c.deleted);
    if (!parent) throw new Error('no top-level comment');
    const at = Date.parse(parent.timestamp.replace('+0000', 'Z'));
    const thread = Array.from({ length: 61 }, (_, k) => r.sim.model.add(parent.mediaId, `reply ${k}`, `fan_${k}`, at + (k + 1) * 60_000, false, parent.id).id);
    const { items } = await walk(r, 25);
    const replies = items.filter((i) => i.parentRemoteId === parent.id && thread.includes(i.remoteId));
    expect(replies.map((i) => i.remoteId)).toEqual(thread);
    const live = [...r.sim.model.comments.values()].filter((c) => !c.deleted);
    expect(items.map((i) => i.remoteId).sort()).toEqual(live.map((c) => c.id).sort());
    // The nested first page (25), then the replies edge for the other 36, 25 at a time.
    expect(r.requests().filter((q) => q.path.endsWith(`/${parent.id}/replies`)).map((q) => q.query.get('limit'))).toEqual(['25', '25']);
  });

  it('sends the token in a header and asks for exactly the fields it maps', async () => {
    rig = await startInstagramRig({ seedLimit: 50, mediaCount: 3 });
    await rig.platform.pull({ queue: 'comments', cursor: null, limit: 10 });
    const [media, comments] = rig.requests();
    expect(media?.path).toBe(`/v21.0/${rig.sim.model.igUserId}/media`);
    expect(media?.query.get('fields')).toBe('id,caption,comments_count,timestamp,permalink,media_type');
    expect(comments?.path).toMatch(/^\/v21\.0\/17900\d+\/comments$/);
    expect(Object.fromEntries(comments?.query ?? [])).toEqual({
      fields: 'id,text,timestamp,username,like_count,hidden,parent_id,from{id,username},replies{id,text,timestamp,username,like_count,hidden,parent_id}',
      limit: '10',
    });
    expect(comments?.query.has('access_token')).toBe(false);
    expect(comments?.authorization).toMatch(/^Bearer IGQsim/);
  });

  it('keeps the walk correct when comments are deleted and new ones arrive between pages', async () => {
    rig = await startInstagramRig({ seedLimit: 200, mediaCount: 4 });
    const r = rig;
    const before = new Set([...r.sim.model.comments.values()].filter((c) => !c.deleted).map((c) => c.id));
    const deleted = new Set<string>();
    const { items } = await walk(r, 5, (page) => {
      if (page % 3 !== 0) return;
      // Someone deletes a couple of comments (some already read, some not yet), and new ones arrive.
      const live = [...r.sim.model.comments.values()].filter((c) => !c.deleted);
      for (const c of [live[page % live.length], live[(page * 7 + 3) % live.length]]) {
        if (c && r.sim.externalAction(c.id, 'delete')) deleted.add(c.id);
      }
      r.sim.insertItems(2);
    });
    const seen = items.map((i) => i.remoteId);
    expect(new Set(seen).size).toBe(seen.length);
    expect(deleted.size).toBeGreaterThan(0);
    // Every comment that was there at the start and is still there at the end was read.
    expect([...before].filter((id) => r.sim.model.live(id) !== undefined && !seen.includes(id))).toEqual([]);
  });

  it('quarantines a malformed comment and keeps the rest of the page', async () => {
    rig = await startInstagramRig({ seedLimit: 200, mediaCount: 2 });
    rig.sims.faults.inject({ platform: 'instagram', path: '/comments', kind: 'malformed_payload' });
    const first = await rig.platform.pull({ queue: 'comments', cursor: null, limit: 20 });
    if (first.status !== 'ok') throw new Error(first.status);
    expect(first.page.quarantined).toHaveLength(1);
    expect(first.page.quarantined[0]?.error).toMatch(/Instagram comment failed validation/);
    expect(first.page.items.filter((i) => i.parentRemoteId === null)).toHaveLength(19);
  });

  it('simulator validates fields against the codegen spec (code 100 for a field IGComment lacks)', async () => {
    rig = await startInstagramRig({ seedLimit: 20, mediaCount: 1 });
    const token = rig.sim.tokens.issue().accessToken;
    const media = rig.sim.model.media[0]?.id ?? '';
    const res = await fetch(`${rig.sims.url}/instagram/v21.0/${media}/comments?fields=id,message`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 100, message: '(#100) Tried accessing nonexisting field (message) on node type (IGComment)' } });
    const hide = await fetch(`${rig.sims.url}/instagram/v21.0/${[...rig.sim.model.comments.keys()][0]}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(await hide.json()).toMatchObject({ error: { code: 100, message: '(#100) The parameter hide is required' } });
  });
});
