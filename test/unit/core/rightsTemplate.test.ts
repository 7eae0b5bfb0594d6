// Rights request templates and the rights rule: placeholders filled or refused with a sentence,
// the credit line and quoted review, which status moves are allowed, and the violation that
// blocks publishing until the author grants.
import { describe, expect, it } from 'vitest';
import { rightsViolations, RIGHTS_RULE, type PostRights } from '../../../src/core/postValidationRights.ts';
import { canMoveRights, creditedCaption, creditLine, DEFAULT_RIGHTS_TEMPLATE, renderRightsTemplate } from '../../../src/core/rightsTemplate.ts';

const values = { author: 'mara.k', community: 'Spring launch', brand: 'Kestrel Linen', link: 'https://instagram.com/p/abc' };

describe('renderRightsTemplate', () => {
  it('fills every placeholder, each as often as it appears', () => {
    expect(renderRightsTemplate('Hi @{author}! {brand} loved your post in {community}: {link}. Thanks, {brand}', values)).toEqual({
      ok: true,
      text: 'Hi @mara.k! Kestrel Linen loved your post in Spring launch: https://instagram.com/p/abc. Thanks, Kestrel Linen',
    });
  });

  it('fills the default template without leaving a brace', () => {
    const out = renderRightsTemplate(DEFAULT_RIGHTS_TEMPLATE, values);
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.text).not.toMatch(/[{}]/);
  });

  it('refuses a placeholder that is not one of the four, naming it and the valid ones', () => {
    const out = renderRightsTemplate('Hi {author}, from {shop}', values);
    expect(out).toEqual({ ok: false, message: expect.stringContaining('{shop}') });
    if (!out.ok) expect(out.message).toContain('{brand}');
  });

  it('refuses a placeholder whose value is still empty rather than sending it blank', () => {
    const out = renderRightsTemplate('May {brand} repost it?', { ...values, brand: '  ' });
    expect(out).toEqual({ ok: false, message: 'The message needs a value for {brand}: fill it in before sending.' });
  });

  it('leaves text without placeholders as it is, and refuses an empty message', () => {
    expect(renderRightsTemplate('May we repost your photo?', values)).toEqual({ ok: true, text: 'May we repost your photo?' });
    expect(renderRightsTemplate('   ', values).ok).toBe(false);
  });
});

describe('credit', () => {
  it('credits the author on their platform, without a doubled @', () => {
    expect(creditLine('@mara.k', 'instagram')).toBe('📷 @mara.k on Instagram');
    expect(creditLine('dan', 'youtube')).toBe('📷 @dan on YouTube');
  });

  it('quotes a review above the credit, whitespace folded', () => {
    expect(creditedCaption('dan', 'reddit', '  Best mug I own.\n\nKeeps coffee hot. ')).toBe('“Best mug I own. Keeps coffee hot.”\n\n📷 @dan on Reddit');
    expect(creditedCaption('dan', 'reddit', null)).toBe('📷 @dan on Reddit');
  });
});

describe('rights status moves', () => {
  it('lets an asked request be granted or refused, a granted one withdrawn, and keeps refused final', () => {
    expect(canMoveRights('asked', 'granted')).toBe(true);
    expect(canMoveRights('asked', 'refused')).toBe(true);
    expect(canMoveRights('granted', 'refused')).toBe(true);
    expect(canMoveRights('granted', 'asked')).toBe(false);
    expect(canMoveRights('refused', 'granted')).toBe(false);
    expect(canMoveRights('refused', 'asked')).toBe(false);
  });
});

describe('rightsViolations', () => {
  const rights = (status: PostRights['status'], sentAt: string | null = null): PostRights => ({ requestId: 'r1', author: 'mara.k', platform: 'instagram', status, updatedAt: '2026-11-25T12:00:00.000Z', actor: 'ana', sentAt });

  it('blocks an asked or refused request once, naming the author and the status', () => {
    const [asked] = rightsViolations(rights('asked', '2026-11-24T09:00:00.000Z'), ['instagram', 'pinterest']);
    expect(asked).toMatchObject({ rule: RIGHTS_RULE, target: 'instagram', limit: 'granted', actual: 'asked' });
    expect(asked?.message).toContain('@mara.k on Instagram');
    expect(asked?.message).toContain('sent 2026-11-24');
    const refused = rightsViolations(rights('refused'), ['pinterest']);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.message).toMatch(/refused.*cannot be published or scheduled/);
  });

  it('lets a granted request, and a post without one, through', () => {
    expect(rightsViolations(rights('granted'), ['instagram'])).toEqual([]);
    expect(rightsViolations(null, ['instagram'])).toEqual([]);
  });
});
