import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/core/htmlEntities.ts';
import { normalizedText, textKey, titleRepeatsBody } from '../../../src/core/textKey.ts';

describe('HTML character references', () => {
  it('decodes numeric, hex and named references, and leaves everything else as typed', () => {
    expect(decodeEntities('&#8220;Free&#8221; &amp; fast &#x2014; &lt;3 &quot;ok&quot; it&#39;s')).toBe('\u201cFree\u201d & fast \u2014 <3 "ok" it\'s');
    expect(decodeEntities('AT&T &unknown; &#0; &#xD800; & alone')).toBe('AT&T &unknown; &#0; &#xD800; & alone');
    expect(decodeEntities('&amp;#8220;')).toBe('&#8220;'); // decoded once, like a browser would
  });
});

describe('copies and repeated titles', () => {
  it('keys texts that differ only in case, spacing, punctuation or escaping alike', () => {
    const a = textKey(null, 'Check out my channel for FREE giveaways!!!');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(textKey(null, 'check out   my channel, for free giveaways')).toBe(a);
    expect(textKey(null, 'Check out my channel for free giveaways&#33;')).toBe(a);
    expect(textKey(null, 'Check out my channel for paid giveaways')).not.toBe(a);
    expect(textKey(null, 'lol')).toBeNull(); // too short to call copies
    // A title that only repeats the body does not make the text another one.
    expect(textKey('CHECK OUT MY CHANNEL FOR FREE GIVEAWAYS', 'Check out my channel for free giveaways')).toBe(a);
    expect(textKey('Weekly thread', 'Check out my channel for free giveaways')).not.toBe(a);
  });

  it('spots a title that is an upper-cased copy of the body, and keeps one that opens it', () => {
    expect(titleRepeatsBody('BUY FOLLOWERS NOW!!', 'Buy followers now')).toBe(true);
    expect(titleRepeatsBody('BUY FOLLOWERS', 'Buy followers now at my site')).toBe(false);
    expect(titleRepeatsBody('Weekly thread', 'Buy followers now')).toBe(false);
    expect(titleRepeatsBody('Buy', 'Buyers beware')).toBe(false);
    expect(titleRepeatsBody(null, 'anything')).toBe(false);
    expect(normalizedText('#Ad: GLOW20 &amp; more')).toBe('#ad glow20 more');
  });
});
