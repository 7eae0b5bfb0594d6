// The audit page's chain display says which problem verification found, in words a person can act on.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../src/api/endpoints.ts';
import { ChainStatus } from '../../../src/ui/features/audit/ChainStatus.tsx';

type Verification = OutputOf<'audit.verify'>;
const anchor = { seq: 6, hash: 'ab'.repeat(32), at: '2026-11-25T12:00:00.000Z' };
const render = (verification: Verification): string => renderToStaticMarkup(createElement(ChainStatus, { verification }));
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('ChainStatus', () => {
  it('shows an intact log with its anchored head', () => {
    const html = render({ ok: true, status: 'intact', checked: 6, firstBadSeq: null, problem: null, lastSeq: 6, anchor });
    expect(text(html)).toContain('Audit log intact: 6 entries verified, anchored up to entry 6.');
    expect(text(html)).toContain(`hash ${'ab'.repeat(8)}…`);
    expect(html).toContain('class="ok"');
  });

  it('tells truncation and rewriting apart', () => {
    const truncated = render({ ok: false, status: 'truncated', checked: 4, firstBadSeq: 5, problem: 'the log ends at entry 4, but entry 6 was anchored on x: the 2 newest entries were deleted', lastSeq: 4, anchor });
    expect(text(truncated)).toContain('Audit log truncated: the log ends at entry 4, but entry 6 was anchored on x: the 2 newest entries were deleted.');
    expect(truncated).toContain('class="error"');
    const rewritten = render({ ok: false, status: 'rewritten', checked: 6, firstBadSeq: 6, problem: 'entry 6 no longer has the hash that was anchored for it', lastSeq: 6, anchor });
    expect(text(rewritten)).toContain('Audit log rewritten: entry 6 no longer has the hash that was anchored for it.');
    const edited = render({ ok: false, status: 'edited', checked: 2, firstBadSeq: 3, problem: 'entry 3 was changed after it was written', lastSeq: 6, anchor: null });
    expect(text(edited)).toContain('Audit log edited at entry 3: entry 3 was changed after it was written.');
    expect(text(edited)).toContain('Anchored head none yet');
  });
});
