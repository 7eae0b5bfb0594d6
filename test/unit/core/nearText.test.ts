// Near-identical texts: the same words apart from numbers, links and @names.
import { describe, expect, it } from 'vitest';
import { looseText, nearTextKey } from '../../../src/core/nearText.ts';

describe('near-identical text', () => {
  it('sets aside links, bare domains, @names and digits', () => {
    expect(looseText(null, 'Use code SAVE20 at https://shop.example/a1 @anna!!')).toBe('use code save at');
    expect(looseText(null, 'use code save30 at shop.example/b7')).toBe('use code save at');
    expect(looseText(null, 'Visit www.brand.com now, #ad')).toBe('visit now #ad');
  });

  it('gives variants of one template the same key, and other texts another', () => {
    const key = nearTextKey(null, 'Get 1000 free followers today at https://spam.example/x1');
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(nearTextKey(null, 'get 250 FREE followers today at spam.example/zz9 @bob')).toBe(key);
    expect(nearTextKey('GET 5 FREE FOLLOWERS TODAY AT SPAM.EXAMPLE', 'get 5 free followers today at spam.example')).toBe(key);
    expect(nearTextKey(null, 'get free likes today at spam.example')).not.toBe(key);
  });

  it('refuses to group texts with too little left', () => {
    expect(nearTextKey(null, 'thanks 100 https://a.example/1')).toBeNull();
    expect(nearTextKey(null, '@anna @bob 12345')).toBeNull();
  });
});
