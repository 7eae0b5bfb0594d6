// Tags stay on the same point of the original when the crop or the focal point changes, and the
// ones the new crop leaves out are put on its edge and reported.
import { describe, expect, it } from 'vitest';
import { cropWindow, remapPoint, remapTags, WHOLE_IMAGE } from '../../../src/core/tagRemap.ts';

describe('cropWindow', () => {
  it('is the whole image without a crop, and the centred square of a 1000×1500 portrait at 1:1', () => {
    expect(cropWindow(1000, 1500, null, { x: 0.5, y: 0.5 })).toEqual(WHOLE_IMAGE);
    const square = cropWindow(1000, 1500, 'instagram_square', { x: 0.5, y: 0.5 });
    expect(square.left).toBe(0);
    expect(square.width).toBe(1);
    expect(square.top).toBeCloseTo(1 / 6, 3);
    expect(square.height).toBeCloseTo(2 / 3, 3);
  });

  it('follows the focal point to the top of the image', () => {
    expect(cropWindow(1000, 1500, 'instagram_square', { x: 0.5, y: 0 }).top).toBe(0);
  });
});

describe('remapTags', () => {
  it('keeps a tag on the same point of the original when the crop changes from the original to a square', () => {
    const to = cropWindow(1000, 1500, 'instagram_square', { x: 0.5, y: 0.5 });
    // Original point y 0.5 is the square's centre; y 0.3 of the original is 0.2 of the square.
    expect(remapPoint({ x: 0.4, y: 0.5 }, WHOLE_IMAGE, to)).toEqual({ x: 0.4, y: 0.5, inside: true });
    expect(remapPoint({ x: 0.4, y: 0.3 }, WHOLE_IMAGE, to)).toEqual({ x: 0.4, y: 0.2, inside: true });
  });

  it('round-trips original → square → original', () => {
    const square = cropWindow(1000, 1500, 'instagram_square', { x: 0.5, y: 0.4 });
    const there = remapPoint({ x: 0.25, y: 0.45 }, WHOLE_IMAGE, square);
    expect(remapPoint(there, square, WHOLE_IMAGE)).toMatchObject({ x: 0.25, y: 0.45, inside: true });
  });

  it('flags tags the new crop leaves out, puts them on its edge, and leaves other images alone', () => {
    const square = cropWindow(1000, 1500, 'instagram_square', { x: 0.5, y: 0.5 });
    const tags = [
      { mediaIndex: 0, productId: 'a', x: 0.5, y: 0.05 },
      { mediaIndex: 1, productId: 'b', x: 0.5, y: 0.05 },
      { mediaIndex: 0, productId: 'c', x: 0.5, y: 0.6 },
    ];
    const { tags: moved, outside } = remapTags(tags, 0, WHOLE_IMAGE, square);
    expect(outside).toEqual([0]);
    expect(moved[0]).toEqual({ mediaIndex: 0, productId: 'a', x: 0.5, y: 0 });
    expect(moved[1]).toBe(tags[1]);
    expect(moved[2]?.y).toBeCloseTo(0.65, 2);
  });

  it('moves tags with the focal point: the square slides down, the tag slides up in it', () => {
    const before = cropWindow(1000, 1500, 'instagram_square', { x: 0.5, y: 0.5 });
    const after = cropWindow(1000, 1500, 'instagram_square', { x: 0.5, y: 1 });
    const point = remapPoint({ x: 0.5, y: 0.75 }, before, after);
    // Original y = 1/6 + 0.75 × 2/3 = 2/3; the bottom square starts at 1/3: (2/3 − 1/3) ÷ 2/3 = 0.5.
    expect(point).toEqual({ x: 0.5, y: 0.5, inside: true });
    expect(remapPoint({ x: 0.5, y: 0.1 }, before, after).inside).toBe(false);
  });
});
