// The audit page's chain display says which problem verification found, in words a person can act on.
import { describe, expect, it } from 'vitest';
import { anchorDescription, chainSummary } from '../../../src/ui/features/audit/chainSummary.ts';

const anchor = { seq: 6, hash: 'ab'.repeat(32), at: '2026-11-25T12:00:00.000Z' };

describe('chainSummary', () => {
  it('shows an intact log with its anchored head', () => {
    expect(chainSummary({ ok: true, status: 'intact', checked: 6, firstBadSeq: null, problem: null, lastSeq: 6, anchor })).toBe('Audit log intact: 6 entries verified, anchored up to entry 6.');
    expect(anchorDescription(anchor)).toMatch(new RegExp(`^entry 6, .*, hash ${'ab'.repeat(8)}…$`));
    expect(anchorDescription(null)).toBe('none yet');
  });

  it('tells truncation, rewriting and editing apart', () => {
    const problem = 'the log ends at entry 4, but entry 6 was anchored on x: the 2 newest entries were deleted';
    expect(chainSummary({ ok: false, status: 'truncated', checked: 4, firstBadSeq: 5, problem, lastSeq: 4, anchor })).toBe(`Audit log truncated: ${problem}.`);
    expect(chainSummary({ ok: false, status: 'rewritten', checked: 6, firstBadSeq: 6, problem: 'entry 6 no longer has the hash that was anchored for it', lastSeq: 6, anchor })).toBe(
      'Audit log rewritten: entry 6 no longer has the hash that was anchored for it.',
    );
    expect(chainSummary({ ok: false, status: 'edited', checked: 2, firstBadSeq: 3, problem: 'entry 3 was changed after it was written', lastSeq: 6, anchor: null })).toBe(
      'Audit log edited at entry 3: entry 3 was changed after it was written.',
    );
  });
});
