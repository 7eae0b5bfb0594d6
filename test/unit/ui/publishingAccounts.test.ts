// The Studio page names the connected publishing account per target (issue #9: it said none was
// connected while an Instagram account was).
import { describe, expect, it } from 'vitest';
import { publishingLines } from '../../../src/ui/features/studio/publishingAccounts.ts';

describe('publishingLines', () => {
  it('names a connected Instagram account and says Pinterest has none', () => {
    const lines = publishingLines([
      { platform: 'reddit', displayName: 'r/kestrel mods' },
      { platform: 'instagram', displayName: '@kestrel.shop' },
    ]);
    expect(lines).toEqual([
      { target: 'instagram', connected: true, text: 'Instagram: publishes through @kestrel.shop.' },
      { target: 'pinterest', connected: false, text: 'Pinterest: no account connected; connect one in Settings to publish there.' },
    ]);
  });

  it('says no account for every target when only moderation accounts exist, and which one is used when there are several', () => {
    expect(publishingLines([{ platform: 'youtube', displayName: 'Channel' }]).every((l) => !l.connected)).toBe(true);
    const [instagram] = publishingLines([
      { platform: 'instagram', displayName: '@a' },
      { platform: 'instagram', displayName: '@b' },
    ]);
    expect(instagram?.text).toBe('Instagram: publishes through @a (1 more connected; the first is used).');
  });
});
