// The focal-point crop rule: right ratio, inside the image, centred on the focal point where the
// edges allow, never enlarged.
import { describe, expect, it } from 'vitest';
import { planCrop, RENDITION_SPECS, RENDITION_TARGETS } from '../../../src/core/renditionTargets.ts';

describe('planCrop', () => {
  it('cuts every target at its ratio and size from a large landscape image', () => {
    for (const target of RENDITION_TARGETS) {
      const spec = RENDITION_SPECS[target];
      const plan = planCrop(4000, 3000, spec, { x: 0.5, y: 0.5 });
      expect([plan.width, plan.height]).toEqual([spec.width, spec.height]);
      expect(plan.left).toBeGreaterThanOrEqual(0);
      expect(plan.top).toBeGreaterThanOrEqual(0);
      expect(plan.left + plan.width).toBeLessThanOrEqual(plan.scaledWidth);
      expect(plan.top + plan.height).toBeLessThanOrEqual(plan.scaledHeight);
    }
  });

  it('follows the focal point and stops at the edges', () => {
    const square = RENDITION_SPECS.instagram_square;
    // 4000×3000 → scaled to 1440×1080; the 1080 square slides horizontally over 360 px.
    expect(planCrop(4000, 3000, square, { x: 0, y: 0.5 }).left).toBe(0);
    expect(planCrop(4000, 3000, square, { x: 1, y: 0.5 }).left).toBe(360);
    expect(planCrop(4000, 3000, square, { x: 0.5, y: 0.5 }).left).toBe(180);
    expect(planCrop(4000, 3000, square, { x: 0.6, y: 0.5 }).left).toBe(324);
    // A landscape crop of a portrait image slides vertically.
    const wide = planCrop(3000, 4000, RENDITION_SPECS.instagram_landscape, { x: 0.5, y: 0.1 });
    expect(wide.left).toBe(0);
    expect(wide.top).toBe(0);
    expect(planCrop(3000, 4000, RENDITION_SPECS.instagram_landscape, { x: 0.5, y: 0.9 }).top).toBe(wide.scaledHeight - wide.height);
  });

  it('never enlarges a small image: the rendition keeps the ratio at the source resolution', () => {
    const plan = planCrop(800, 600, RENDITION_SPECS.pinterest_pin, { x: 0.5, y: 0.5 });
    expect([plan.scaledWidth, plan.scaledHeight]).toEqual([800, 600]);
    expect([plan.width, plan.height]).toEqual([400, 600]);
    expect(plan.left).toBe(200);
  });
});
