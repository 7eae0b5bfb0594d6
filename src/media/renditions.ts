// Renditions: one sRGB JPEG per publishing target, cut around the focal point from the stored copy.
// Each is content-addressed under renditions/, so re-rendering after the focal point moves writes
// new files and the old ones can be dropped once nothing points at them.
import { join } from 'node:path';
import sharp from 'sharp';
import { planCrop, RENDITION_SPECS, RENDITION_TARGETS, type FocalPoint, type RenditionTarget } from '../core/renditionTargets.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { sha256Of } from './importImage.ts';
import { SAFE_INPUT } from './inspect.ts';
import { RENDITION_QUALITY } from './limits.ts';

export interface RenderedRendition {
  readonly target: RenditionTarget;
  readonly ratio: string;
  readonly width: number;
  readonly height: number;
  readonly sha256: string;
  /** Relative to the media folder. */
  readonly file: string;
}

export interface UprightSource {
  /** The stored copy: its bytes, or its absolute path. */
  readonly input: Buffer | string;
  readonly width: number;
  readonly height: number;
}

/** Encodes one rendition in memory (no file written). */
export async function encodeRendition(source: UprightSource, target: RenditionTarget, focal: FocalPoint): Promise<{ bytes: Buffer; width: number; height: number }> {
  const plan = planCrop(source.width, source.height, RENDITION_SPECS[target], focal);
  const bytes = await sharp(source.input, SAFE_INPUT)
    .autoOrient()
    .resize(plan.scaledWidth, plan.scaledHeight, { fit: 'fill' })
    .extract({ left: plan.left, top: plan.top, width: plan.width, height: plan.height })
    .jpeg({ quality: RENDITION_QUALITY })
    .toBuffer();
  return { bytes, width: plan.width, height: plan.height };
}

export async function renderRendition(mediaDir: string, source: UprightSource, target: RenditionTarget, focal: FocalPoint, created: string[]): Promise<RenderedRendition> {
  const { bytes, width, height } = await encodeRendition(source, target, focal);
  const sha256 = sha256Of(bytes);
  const file = `renditions/${sha256}.jpg`;
  const absolute = join(mediaDir, file);
  if (await writeFileAtomic(absolute, bytes)) created.push(absolute);
  return { target, ratio: RENDITION_SPECS[target].ratio, width, height, sha256, file };
}

/**
 * Every target's rendition. `created` collects the files written, so a caller whose later step
 * fails can remove exactly those. Targets run one after another: libvips already spreads one image
 * over every core, and running them together would multiply peak memory for large images.
 */
export async function renderAllRenditions(mediaDir: string, source: UprightSource, focal: FocalPoint, created: string[]): Promise<RenderedRendition[]> {
  const out: RenderedRendition[] = [];
  for (const target of RENDITION_TARGETS) out.push(await renderRendition(mediaDir, source, target, focal, created));
  return out;
}
