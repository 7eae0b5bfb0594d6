// Instagram takes images 320–1440 px wide (RULES.md): a narrower image, as it will be sent, is a
// violation naming the rule, the limit, the width and the source; Pinterest has no such rule here.
import { describe, expect, it } from 'vitest';
import { validatePost, type PostDraft } from '../../../src/core/postValidation.ts';

const draft = (width: number, height: number, targets: PostDraft['targets'] = ['instagram']): PostDraft => ({
  targets,
  caption: 'Linen shirt, washed soft.',
  title: null,
  link: null,
  paidPartnership: false,
  brandPartner: null,
  media: [{ assetId: 'a', altText: '', width, height }],
  productTags: [],
});

describe('image minimum width', () => {
  it('flags a 319 px wide Instagram image and passes 320', () => {
    const [v, ...rest] = validatePost(draft(319, 319));
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ rule: 'instagram.image.min_width', limit: 320, actual: 319, mediaIndex: 0, target: 'instagram', profile: 'instagram-feed-2026-12' });
    expect(v?.message).toBe('Image 1 is 319 px wide, narrower than 320 px. Images are at least 320 px wide (320–1440 px).');
    expect(v?.source).toContain('RULES.md');
    expect(validatePost(draft(320, 320))).toEqual([]);
  });

  it('does not apply to Pinterest', () => {
    expect(validatePost(draft(300, 450, ['pinterest'])).map((x) => x.rule)).toEqual([]);
  });
});
