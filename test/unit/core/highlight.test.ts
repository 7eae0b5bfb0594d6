import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, splitSnippet } from '../../../src/core/highlight.ts';

describe('splitSnippet', () => {
  it('splits marked matches from plain text', () => {
    expect(splitSnippet(`use ${MATCH_START}code${MATCH_END} GLOW for ${MATCH_START}20${MATCH_END}%`)).toEqual([
      { text: 'use ', match: false },
      { text: 'code', match: true },
      { text: ' GLOW for ', match: false },
      { text: '20', match: true },
      { text: '%', match: false },
    ]);
  });

  it('keeps brackets and other punctuation in community text as plain text', () => {
    expect(splitSnippet('check my you[tube] channel')).toEqual([{ text: 'check my you[tube] channel', match: false }]);
  });

  it('tolerates an unterminated mark (truncated snippet)', () => {
    expect(splitSnippet(`so ${MATCH_START}gorg`)).toEqual([
      { text: 'so ', match: false },
      { text: 'gorg', match: true },
    ]);
  });
});
