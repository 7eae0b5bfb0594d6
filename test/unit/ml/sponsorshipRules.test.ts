// Rules from RULES.md: commercial signals and disclosure wording/placement, with spans.
import { describe, expect, it } from 'vitest';
import { FOLD_CHARS, sponsorshipRuleHits } from '../../../src/ml/rules/sponsorshipRules.ts';
import { combineSponsorship } from '../../../src/ml/sponsorshipScores.ts';

const rules = (text: string): string[] => sponsorshipRuleHits(text).map((h) => h.rule);
const spanOf = (text: string, rule: string): string | undefined => {
  const hit = sponsorshipRuleHits(text).find((h) => h.rule === rule);
  return hit === undefined ? undefined : text.slice(hit.start, hit.end);
};

describe('sponsorship rules', () => {
  it('finds affiliate links from the Mathur filter list and RULES.md hosts', () => {
    expect(spanOf('grab it here https://www.amazon.com/dp/B0123?tag=creator-20 ok', 'affiliate_link')).toBe('https://www.amazon.com/dp/B0123?tag=creator-20');
    expect(rules('my camera http://amzn.to/2gKKV6N')).toContain('affiliate_link');
    expect(rules('outfit details: https://rstyle.me/n/abc123')).toContain('affiliate_link');
    expect(rules('plain link https://www.amazon.com/dp/B0123 no tag')).not.toContain('affiliate_link');
  });

  it('finds discount codes, link in bio, gifted and calls to buy', () => {
    expect(spanOf('Use code GLOW20 for 20% off', 'discount_code')).toBe('Use code GLOW20');
    expect(rules('link in bio!')).toContain('link_in_bio');
    expect(rules('#gifted by the lovely team')).toContain('gifted');
    expect(rules('Shop now before it sells out')).toContain('call_to_buy');
    expect(rules('what a lovely sunset tonight')).toEqual([]);
  });

  it('accepts adequate wording before the fold', () => {
    const text = '#ad Loving this serum from @brand, use code GLOW for 10% off';
    expect(rules(text)).toEqual(expect.arrayContaining(['disclosure_wording', 'disclosure_before_fold']));
  });

  it('recognises "support the channel through these links" explanations', () => {
    expect(rules('Help support the channel when shopping on Amazon: http://amzn.to/1PGgasB')).toContain('disclosure_support_link');
    expect(rules('Support XTgamer.de by purchasing at Amazon through these links')).toContain('disclosure_support_link');
    expect(rules('Thanks so much for your support guys!')).not.toContain('disclosure_support_link');
  });

  it('does not take a denial for a disclosure', () => {
    expect(rules('This video is not sponsored, I just love the brand')).not.toContain('disclosure_wording');
    expect(rules('Not an ad, bought it myself')).not.toContain('disclosure_wording');
  });

  it('marks wording that only appears after the fold', () => {
    const text = `${'So many thoughts about this palette, the shades are perfect for autumn and I wore it all week long. '.repeat(2)} #ad`;
    expect(text.indexOf('#ad')).toBeGreaterThan(FOLD_CHARS);
    expect(rules(text)).toContain('disclosure_after_fold_only');
    expect(rules(text)).not.toContain('disclosure_before_fold');
  });

  it('marks a disclosure buried in a cluster of hashtags', () => {
    expect(rules('New look! #makeup #beauty #ad #glow #mua')).toContain('disclosure_in_hashtag_cluster');
  });

  it('treats RULES.md\u2019s inadequate wording as weak, not as a disclosure', () => {
    const hits = rules('Thanks @brand #collab #sp');
    expect(hits).toContain('disclosure_weak_wording');
    expect(hits).not.toContain('disclosure_wording');
  });

  it('halves a hidden disclosure and keeps undisclosed = commercial × (1 − disclosure)', () => {
    const visible = combineSponsorship(0.9, 0.8, sponsorshipRuleHits('#ad my favourite serum'));
    const hidden = combineSponsorship(0.9, 0.8, sponsorshipRuleHits('New look! #makeup #beauty #ad #glow #mua'));
    expect(hidden.disclosureHidden).toBe(true);
    expect(hidden.disclosure).toBeLessThan(visible.disclosure);
    expect(hidden.undisclosedSponsorship).toBeCloseTo(hidden.commercial * (1 - hidden.disclosure), 10);
    expect(visible.undisclosedSponsorship).toBeLessThan(hidden.undisclosedSponsorship);
  });

  it('floors the learned disclosure with the rules only where adequate wording is visible', () => {
    const visible = combineSponsorship(0.9, 0.05, sponsorshipRuleHits('Female costume #ad'));
    expect(visible.disclosurePresence).toBeGreaterThan(0.9);
    const afterFold = combineSponsorship(0.9, 0.05, sponsorshipRuleHits(`${'Lovely autumn look with layers and a scarf. '.repeat(4)}#sponsored`));
    expect(afterFold.disclosurePresence).toBeCloseTo(0.05, 10);
    expect(afterFold.disclosureHidden).toBe(true);
    const learnedOnly = combineSponsorship(0.9, 0.7, sponsorshipRuleHits('Shopping through these links supports the channel'));
    expect(learnedOnly.disclosurePresence).toBeCloseTo(0.7, 10);
  });
});
