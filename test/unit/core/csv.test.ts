// CSV fields as a spreadsheet and csv-parse read them back.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from '../../../src/core/csv.ts';

describe('csv writing', () => {
  it('quotes commas, quotes and line breaks, and reads back the same', () => {
    const fields = ['plain', 'a, b', 'say "hi"', 'two\nlines', 7, null];
    expect(parse(csvRow(fields))).toEqual([['plain', 'a, b', 'say "hi"', 'two\nlines', '7', '']]);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-3)).toBe('-3');
  });
});
