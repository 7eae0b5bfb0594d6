// Pure parts of the Pinterest connector and simulator: request validation against the copied v5
// spec (discriminated media sources, digit ids, code-point lengths, carousel sizes, query ranges),
// the pin → audit-post mapping, the create body, and duplicate-pin matching.
import { describe, expect, it } from 'vitest';
import { checkQuery, checkRequestBody } from '../../../src/platforms/pinterest/openapi.ts';
import { toPin } from '../../../src/platforms/pinterest/map.ts';
import { matchesRequest, pinCreateBody, type PinPublishRequest } from '../../../src/platforms/pinterest/publish.ts';
import { pinSchema } from '../../../src/platforms/pinterest/wire.ts';

const url = (u: string) => ({ source: { kind: 'url' as const, url: u }, altText: '' });

describe('Pinterest v5 request validation', () => {
  it('accepts a documented PinCreate and refuses what the spec refuses', () => {
    expect(checkRequestBody('/pins', 'POST', { board_id: '549755885175', title: 'Apron', link: 'https://x.example/a', media_source: { source_type: 'image_url', url: 'https://x.example/a.jpg' } })).toEqual([]);
    expect(checkRequestBody('/pins', 'POST', { board_id: 'abc', media_source: { source_type: 'image_url', url: 'u' } })).toEqual(['$.board_id: does not match ^\\d+$']);
    expect(checkRequestBody('/pins', 'POST', { media_source: { source_type: 'carrier_pigeon' } })[0]).toMatch(/^\$\.media_source\.source_type: not one of image_base64, image_url/);
    expect(checkRequestBody('/pins', 'POST', { media_source: { source_type: 'image_url' } })).toEqual(['$.media_source.url: required']);
    const six = Array.from({ length: 6 }, () => ({ url: 'https://x.example/a.jpg' }));
    expect(checkRequestBody('/pins', 'POST', { media_source: { source_type: 'multiple_image_urls', items: six } })).toEqual(['$.media_source.items: more than 5 items']);
    // maxLength counts code points: 100 emoji are 200 UTF-16 units and still fit a title.
    expect(checkRequestBody('/pins', 'POST', { title: '😀'.repeat(100), media_source: { source_type: 'image_url', url: 'u' } })).toEqual([]);
    expect(checkRequestBody('/pins', 'POST', { title: null, description: null, media_source: { source_type: 'image_url', url: 'u' } })).toEqual([]);
  });

  it('checks query parameters by their schema and refuses unknown ones', () => {
    expect(checkQuery('/pins', 'GET', new URLSearchParams({ page_size: '250', bookmark: 'b' }))).toEqual([]);
    expect(checkQuery('/pins', 'GET', new URLSearchParams({ page_size: '0' }))).toEqual(['page_size: below 1']);
    expect(checkQuery('/boards/{board_id}/pins', 'GET', new URLSearchParams({ fields: 'id' }))).toEqual(['query parameter fields is not accepted here']);
    expect(checkQuery('/pins', 'GET', new URLSearchParams({ ad_account_id: '12a' }))).toEqual(['ad_account_id: does not match ^\\d+$']);
  });
});

describe('Pinterest mapping', () => {
  it('maps a pin to the audit’s view: UTC time, text as seen, largest images, carousel items', () => {
    const pin = toPin(pinSchema.parse({ id: '1', created_at: '2026-11-20T10:00:00', title: 'Desk tour', description: 'Links below', link: 'https://amzn.to/x', media: { media_type: 'multiple_images', items: [{ images: { '150x150': { url: 's1', width: 150, height: 150 }, '1200x': { url: 'b1', width: 1200, height: 1800 } } }, { images: { originals: { url: 'o2', width: 10, height: 10 } } }] } }));
    expect(pin).toMatchObject({ createdAt: '2026-11-20T10:00:00.000Z', caption: 'Desk tour\nLinks below\nhttps://amzn.to/x', mediaUrls: ['b1', 'o2'], permalink: 'https://www.pinterest.com/pin/1/' });
    const inText = toPin(pinSchema.parse({ id: '2', created_at: '2026-11-20T10:00:00+00:00', description: 'Shop https://amzn.to/x', link: 'https://amzn.to/x' }));
    expect(inText.caption).toBe('Shop https://amzn.to/x');
    expect(pinSchema.safeParse({ id: 'x', created_at: 'soon' }).success).toBe(false);
  });

  it('builds single and carousel bodies and matches a landed pin only by its own text, link and time', () => {
    const request: PinPublishRequest = { boardId: '9', title: 'T', description: 'D', link: 'https://l', images: [url('https://i/1.jpg')] };
    expect(pinCreateBody(request)).toEqual({ board_id: '9', title: 'T', description: 'D', link: 'https://l', media_source: { source_type: 'image_url', url: 'https://i/1.jpg' } });
    expect(pinCreateBody({ ...request, images: [url('a'), url('b')] })['media_source']).toEqual({ source_type: 'multiple_image_urls', items: [{ url: 'a' }, { url: 'b' }] });
    const landed = toPin(pinSchema.parse({ id: '3', created_at: '2026-11-20T10:00:00', title: 'T', description: 'D', link: 'https://l' }));
    expect(matchesRequest(landed, request, '2026-11-20T10:02:00.000Z')).toBe(true);
    expect(matchesRequest(landed, { ...request, link: null }, null)).toBe(false);
    expect(matchesRequest(landed, request, '2026-11-21T10:00:00.000Z')).toBe(false);
  });
});
