// The YouTube and Instagram simulators are deterministic for a seed (same ids, statuses, authors,
// tokens) and seeded from real dataset rows (the full datasets, or the bundled sample of them in a
// clone without them), not invented text.
import { describe, expect, it } from 'vitest';
import { createInstagramSimulator } from '../../../src/platforms/instagram/simulator.ts';
import { createVirtualClock, createRng, defaultSeedCorpus } from '../../../src/platforms/sim/index.ts';
import { createYoutubeSimulator } from '../../../src/platforms/youtube/simulator.ts';

const context = (seed: number) => ({ clock: createVirtualClock(new Date('2026-11-25T12:00:00Z')), rng: createRng(seed), corpus: defaultSeedCorpus().corpus });

describe('simulator seeding', () => {
  it('YouTube: same seed, same world; another seed, another one; real ids, authors and times', () => {
    const snapshot = (seed: number) => [...createYoutubeSimulator(context(seed)).model.comments.values()].map((c) => `${c.id}|${c.status}|${c.parentId ?? ''}`);
    expect(snapshot(5)).toEqual(snapshot(5));
    expect(snapshot(5)).not.toEqual(snapshot(6));
    const sim = createYoutubeSimulator(context(5));
    const first = sim.model.comments.get('LZQPQhLyRh80UYxNuaDWhIGQYNQ96IuCg-AYWqNPjpU');
    expect(first).toMatchObject({ authorName: 'Julius NM', publishedAt: '2013-11-07T06:20:48.000Z', videoId: '9bZkp7q19f0' });
    expect(sim.state().items).toMatchObject({ heldForReview: expect.any(Number), likelySpam: expect.any(Number), published: expect.any(Number) });
  });

  it('Instagram: same seed, same world; comment text comes from the ScamSpot set', () => {
    const snapshot = (seed: number) => [...createInstagramSimulator(context(seed)).model.comments.values()].map((c) => `${c.id}|${c.mediaId}|${c.parentId ?? ''}|${c.hidden}|${c.timestamp}`);
    expect(snapshot(5)).toEqual(snapshot(5));
    expect(snapshot(5)).not.toEqual(snapshot(6));
    const corpus = new Set(defaultSeedCorpus().corpus.instagram.map((r) => r.text));
    const sim = createInstagramSimulator(context(5));
    expect([...sim.model.comments.values()].every((c) => corpus.has(c.text))).toBe(true);
    expect(sim.demoAccount().credentials).toMatchObject({ kind: 'access_token' });
  });
});
