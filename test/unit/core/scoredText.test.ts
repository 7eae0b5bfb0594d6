import { describe, expect, it } from 'vitest';
import { scoredText, spansByField } from '../../../src/core/scoredText.ts';

const spanOf = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, task: 'spam' });

describe('evidence over title and body', () => {
  it('moves spans found in the body of a titled item onto the body text', () => {
    const item = { title: 'Great serum', body: 'use code GLOW20 at checkout' };
    const text = scoredText(item);
    const { title, body } = spansByField(item.title, [spanOf(text, 'GLOW20'), spanOf(text, 'serum')]);
    expect(body.map((s) => item.body.slice(s.start, s.end))).toEqual(['GLOW20']);
    expect(title.map((s) => item.title.slice(s.start, s.end))).toEqual(['serum']);
  });

  it('cuts a span across the newline into its title and body parts', () => {
    const item = { title: 'Buy now', body: 'cheap pills' };
    const text = scoredText(item);
    const across = { start: text.indexOf('now'), end: text.indexOf('cheap') + 5, task: 'spam' };
    const { title, body } = spansByField(item.title, [across]);
    expect(title.map((s) => item.title.slice(s.start, s.end))).toEqual(['now']);
    expect(body.map((s) => item.body.slice(s.start, s.end))).toEqual(['cheap']);
  });

  it('leaves an untitled item’s spans as they are', () => {
    const spans = [{ start: 2, end: 5 }];
    expect(scoredText({ title: null, body: 'a body' })).toBe('a body');
    expect(spansByField(null, spans)).toEqual({ title: [], body: spans });
    expect(spansByField('', spans)).toEqual({ title: [], body: spans });
  });
});
