// A small original makes small renditions (they never enlarge): a 300 px photo sent at Instagram's
// 1:1 crop is 300 px wide, under the 320 px minimum, and validation says so for the rendition, not
// the 1080 px the crop's spec names. A 640 px photo at the same crop passes.
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { photo } from '../media/images.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';

const tempDir = useTempDir('stoa-rendition-width-');
let workspace: TestWorkspace | null = null;
afterEach(async () => {
  await workspace?.close();
  workspace = null;
});

describe('rendition width validation', () => {
  it('flags a 300 px wide square rendition and passes a 640 px one', async () => {
    workspace = await openTestWorkspace(tempDir(), 'in-process');
    const { client } = workspace;
    const small = await callOrThrow(client, 'media.import', { name: 'small.jpg', dataBase64: (await photo(300, 400)).toString('base64') });
    const fine = await callOrThrow(client, 'media.import', { name: 'fine.jpg', dataBase64: (await photo(640, 800)).toString('base64') });
    expect(small.asset.renditions.find((r) => r.target === 'instagram_square')).toMatchObject({ width: 300, height: 300 });

    const check = (assetId: string) => callOrThrow(client, 'posts.validate', { draft: { targets: ['instagram'], caption: 'Linen, washed soft.', media: [{ assetId, crop: 'instagram_square' }] } });
    const flagged = await check(small.asset.id);
    expect(flagged.ok).toBe(false);
    expect(flagged.violations.map((v) => [v.rule, v.limit, v.actual, v.mediaIndex])).toEqual([['instagram.image.min_width', 320, 300, 0]]);
    expect((await check(fine.asset.id)).violations).toEqual([]);
  });
});
