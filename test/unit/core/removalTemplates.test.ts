import { describe, expect, it } from 'vitest';
import { expandMacro, fillTemplate, templateForDigit, unknownPlaceholders, valuesFor, type RemovalTemplate } from '../../../src/core/removalTemplates.ts';

const template = (over: Partial<RemovalTemplate> = {}): RemovalTemplate => ({
  id: 't1',
  communityId: null,
  title: 'Be civil',
  rule: 'Rule 2: be civil',
  reason: 'Removed under {rule} in {community}',
  message: 'Hi {author}, your post {link} broke {rule}.',
  note: 'civility warning for {author}',
  banDays: null,
  remoteReasonId: null,
  position: 1,
  ...over,
});
const item = { authorName: 'ana', communityName: 'StoaBeautyLab', url: 'https://reddit.com/r/StoaBeautyLab/comments/abc' };

describe('removal templates', () => {
  it('fills every placeholder, each as often as it appears, and leaves unknown ones as typed', () => {
    const values = valuesFor(item, 'Rule 1');
    expect(fillTemplate('{author} {author} in {community}: {rule} ({link})', values)).toBe('ana ana in StoaBeautyLab: Rule 1 (https://reddit.com/r/StoaBeautyLab/comments/abc)');
    expect(fillTemplate('Hello {autor}', values)).toBe('Hello {autor}');
    expect(fillTemplate('no placeholders', values)).toBe('no placeholders');
    expect(unknownPlaceholders('{autor} {author} {Link} {autor}')).toEqual(['autor']);
  });

  it('says something sensible when the author or the link is unknown', () => {
    const values = valuesFor({ authorName: null, communityName: null, url: null }, '');
    expect(fillTemplate('{author} / {community} / [{link}]', values)).toBe('the author / this community / []');
  });

  it('expands a reason into one removal carrying the filled reason, message and note', () => {
    const steps = expandMacro(template({ remoteReasonId: '110nhral8vygf' }), item, true);
    expect(steps).toEqual([
      {
        action: 'remove',
        reason: 'Removed under Rule 2: be civil in StoaBeautyLab',
        params: {
          reason: 'Removed under Rule 2: be civil in StoaBeautyLab',
          message: 'Hi ana, your post https://reddit.com/r/StoaBeautyLab/comments/abc broke Rule 2: be civil.',
          note: 'civility warning for ana',
          reasonId: '110nhral8vygf',
        },
      },
    ]);
  });

  it('adds a ban after the removal only when the macro bans and the platform and author allow it', () => {
    const banning = template({ banDays: 7, message: null, note: null });
    expect(expandMacro(banning, item, true).map((step) => [step.action, step.params])).toEqual([
      ['remove', { reason: 'Removed under Rule 2: be civil in StoaBeautyLab' }],
      ['ban', { durationDays: 7 }],
    ]);
    expect(expandMacro(template({ banDays: 0 }), item, true)[1]?.params.durationDays).toBeNull(); // 0 = permanent
    expect(expandMacro(banning, item, false).map((step) => step.action)).toEqual(['remove']);
    expect(expandMacro(banning, { ...item, authorName: null }, true).map((step) => step.action)).toEqual(['remove']);
    expect(expandMacro(banning, item, true, 10)[1]?.reason).toBe('Removed un');
  });

  it('picks the Nth offered template with digits 1-9 and nothing else', () => {
    const offered = ['a', 'b', 'c'];
    expect(templateForDigit(offered, '1')).toBe('a');
    expect(templateForDigit(offered, '3')).toBe('c');
    expect(templateForDigit(offered, '4')).toBeNull();
    expect(templateForDigit(offered, '0')).toBeNull();
    expect(templateForDigit(offered, 'x')).toBeNull();
  });
});
