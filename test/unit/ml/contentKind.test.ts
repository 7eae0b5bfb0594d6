// Which labels apply to which content: a comment never gets undisclosed_sponsorship (its plug is
// self_promotion, or nothing), a creator's caption gets no comment-spam label, a post keeps both.
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../src/ml/classifier.ts';
import { forContentKind, NOT_SCORED_FOR_COMMENTS, SPAM_NOT_SCORED_FOR_CAPTIONS } from '../../../src/ml/contentKind.ts';
import { selfPromotionHits } from '../../../src/ml/rules/selfPromotion.ts';

function classification(text: string, scores: Partial<Classification['scores']>, labels: Classification['labels']): Pick<Classification, 'scores' | 'labels' | 'evidence'> {
  return {
    scores: { spam: 0.1, toxicity: 0.05, commercial: 0.2, disclosure: 0.01, disclosure_present: 0.01, undisclosed_sponsorship: 0.2, ...scores },
    labels,
    evidence: labels.includes('commercial') ? [{ task: 'commercial', start: 0, end: Math.min(5, text.length), text: text.slice(0, 5), weight: 1 }] : [],
  };
}

describe('self-promotion wording', () => {
  it.each([
    ['Hey guys check out my new channel and our first vid THIS IS US THE MONKEYS!!!', 'check out my new channel'],
    ['subscribe to me for daily vines', 'subscribe to me'],
    ['please subscribe!!!', 'please subscribe'],
    ['Huh, anyway listen to my covers on https://soundcloud.com/someone', 'listen to my covers'],
  ])('finds the plug in %j', (text, plug) => {
    const hits = selfPromotionHits(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toContain(plug);
  });

  it.each(['Does anyone know whether this moisturiser works for sensitive skin?', 'Where can I buy replacement filters', 'I love this song so much, it reminds me of my childhood'])(
    'finds none in customer talk: %j',
    (text) => expect(selfPromotionHits(text)).toEqual([]),
  );
});

describe('forContentKind', () => {
  it('gives a comment that sells self_promotion instead of undisclosed_sponsorship, with the reason', () => {
    const text = 'Use code GLOW20 for 20% off at glowco.com';
    const c = classification(text, { commercial: 0.9, undisclosed_sponsorship: 0.89 }, ['commercial', 'undisclosed_sponsorship']);
    const out = forContentKind(c, text, 'comment');
    expect(out.labels).toEqual(['commercial', 'self_promotion']);
    expect(out.scores.undisclosed_sponsorship).toBeNull();
    expect(out.scores.self_promotion).toBe(0.9);
    expect(out.notScored.undisclosed_sponsorship).toBe(NOT_SCORED_FOR_COMMENTS);
  });

  it('labels a channel plug that the spam model flags as self_promotion, with the plug as evidence', () => {
    const text = 'check out my channel and subscribe to me!!! http://www.youtube.com/user/freecash';
    const out = forContentKind(classification(text, { spam: 0.97, commercial: 0.3 }, ['spam']), text, 'comment');
    expect(out.labels).toEqual(['spam', 'self_promotion']);
    expect(out.scores.self_promotion).toBe(0.97);
    const spans = out.evidence.filter((e) => e.task === 'self_promotion');
    expect(spans.map((e) => e.text)).toContain('check out my channel');
    for (const e of spans) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('gives an ordinary comment no sponsorship label at all', () => {
    const text = 'Where can I buy replacement filters';
    const out = forContentKind(classification(text, { commercial: 0.24 }, []), text, 'comment');
    expect(out.labels).toEqual([]);
    expect(out.scores.self_promotion).toBe(0.24);
    expect(out.scores.undisclosed_sponsorship).toBeNull();
  });

  it('withholds the comment-spam score of a creator caption and keeps its sponsorship labels', () => {
    const text = '#ad Loving my new serum from @glowco. Use code GLOW10';
    const c = classification(text, { spam: 0.87, commercial: 0.99, disclosure: 0.92, disclosure_present: 0.92 }, ['spam', 'commercial', 'disclosure', 'disclosure_adequate', 'disclosure_present']);
    const out = forContentKind(c, text, 'caption');
    expect(out.labels).toEqual(['commercial', 'disclosure', 'disclosure_adequate', 'disclosure_present']);
    expect(out.scores.spam).toBeNull();
    expect(out.notScored.spam).toBe(SPAM_NOT_SCORED_FOR_CAPTIONS);
  });

  it('leaves a post as the models scored it', () => {
    const text = 'Buy now: https://amzn.to/2gKKV6N';
    const c = classification(text, { commercial: 0.95, undisclosed_sponsorship: 0.94, spam: 0.6 }, ['spam', 'commercial', 'undisclosed_sponsorship']);
    const out = forContentKind(c, text, 'post');
    expect(out.labels).toEqual(c.labels);
    expect(out.scores.undisclosed_sponsorship).toBe(0.94);
    expect(out.notScored).toEqual({});
  });
});
