// The Instagram connector's media read side against the simulator over real HTTP on 127.0.0.1:
// a creator's published posts with caption, permalink, timestamp, media type and media URLs
// (carousel children through field expansion), Graph cursor paging and since/until. The
// simulator's creators carry the real captions of sponsorship/instagram-promotional-captions when
// ../shared/datasets is present, and the written stand-ins otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { CAPTIONS_SOURCE, loadCreatorCaptions } from '../../../src/platforms/instagram/simCreators.ts';
import { startInstagramRig, type InstagramRig } from '../../integration/platforms/instagramHarness.ts';

let rig: InstagramRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('Instagram media edge for compliance audits', () => {
  it('reads a creator’s posts page by page with their captions and media', async () => {
    rig = await startInstagramRig({ seedLimit: 10, mediaCount: 2, creatorCount: 2 });
    const [first] = [...rig.sim.model.creators.values()];
    if (!first) throw new Error('the simulator has no creators');
    const outcome = await rig.platform.readMedia(first.igUserId, { pageSize: 10 });
    if (outcome.status !== 'ok') throw new Error(outcome.status);
    const expected = loadCreatorCaptions().filter((c) => c.username === first.username).map((c) => c.caption);
    expect(outcome.posts.map((p) => p.caption)).toEqual(expected);
    expect(outcome.quarantined).toEqual([]);
    const pages = rig.requests().filter((r) => r.path.endsWith(`/${first.igUserId}/media`));
    expect(pages.length).toBe(Math.ceil(expected.length / 10));
    expect(pages[0]?.query.get('fields')).toBe('id,caption,permalink,timestamp,media_type,media_url,thumbnail_url,username,children{id,media_type,media_url}');
    const carousel = outcome.posts.find((p) => p.mediaType === 'CAROUSEL_ALBUM');
    const image = outcome.posts.find((p) => p.mediaType === 'IMAGE');
    expect(carousel?.mediaUrls).toHaveLength(3);
    expect(image?.mediaUrls).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__sim\/media\/instagram\/\d+\/original\.png$/)]);
    expect(image).toMatchObject({ username: first.username, permalink: expect.stringMatching(/^https:\/\/www\.instagram\.com\/p\//), timestamp: expect.stringMatching(/\+00:00$/) });
    if (loadCreatorCaptions()[0]?.source === CAPTIONS_SOURCE) expect(expected.length).toBeGreaterThan(20);
  });

  it('honours since/until and refuses an unknown child field as Graph does', async () => {
    rig = await startInstagramRig({ seedLimit: 10, mediaCount: 2, creatorCount: 1 });
    const [creator] = [...rig.sim.model.creators.values()];
    if (!creator) throw new Error('the simulator has no creators');
    const cut = Math.floor(Date.parse('2026-11-10T00:00:00Z') / 1000);
    const recent = await rig.platform.readMedia(creator.igUserId, { since: String(cut) });
    if (recent.status !== 'ok') throw new Error(recent.status);
    expect(recent.posts.length).toBeGreaterThan(0);
    expect(recent.posts.every((p) => Date.parse(p.timestamp) >= cut * 1000)).toBe(true);
    expect(recent.posts.length).toBeLessThan(creator.media.length);
    const res = await fetch(`${rig.config.baseUrl}/v21.0/${creator.igUserId}/media?fields=children{bogus}`, { headers: { authorization: `Bearer ${rig.config.credentials.kind === 'access_token' ? rig.config.credentials.accessToken : ''}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(100);
  });
});
