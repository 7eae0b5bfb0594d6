// Connectors hand the queue characters, not HTML references: YouTube's textDisplay and Reddit's
// titles and bodies arrive escaped, datasets keep &#8220;-style codes.
import { describe, expect, it } from 'vitest';
import { mapComment as mapInstagram } from '../../../src/platforms/instagram/map.ts';
import { toRemoteItem as mapReddit } from '../../../src/platforms/reddit/map.ts';
import { thingSchema } from '../../../src/platforms/reddit/wire.ts';
import { mapComment as mapYoutube } from '../../../src/platforms/youtube/map.ts';

describe('HTML references decoded at map time', () => {
  it('YouTube comment text', () => {
    const item = mapYoutube(
      { kind: 'youtube#comment', id: 'Ug1', snippet: { authorDisplayName: 'Ann', textDisplay: 'It&#39;s &quot;great&quot; &amp; cheap', publishedAt: '2026-11-01T10:00:00Z' } },
      'heldForReview',
    );
    expect(item.body).toBe('It\'s "great" & cheap');
  });

  it('Instagram comment text', () => {
    const item = mapInstagram({ id: '178', text: '&#8220;Link in bio&#8221; #ad', timestamp: '2026-11-01T10:00:00+0000', username: 'ann' }, { id: 'm1', name: 'Launch' });
    expect(item.body).toBe('\u201cLink in bio\u201d #ad');
  });

  it('Reddit post title and body', () => {
    const thing = thingSchema.parse({
      kind: 't3',
      data: { name: 't3_abc', id: 'abc', subreddit: 'skincare', author: 'ann', created_utc: 1_790_000_000, title: 'Serum &amp; toner &#8211; review', selftext: 'Use code &lt;GLOW20&gt;', is_self: true },
    });
    const item = mapReddit('t3', thing.data, thing);
    expect(item.title).toBe('Serum & toner \u2013 review');
    expect(item.body).toBe('Use code <GLOW20>');
  });
});
