// The benchmark's floor: one plain sharp resize of a file to a target size, nothing else Stoa does
// (no checks, no focal crop, no hashing, no file). Lives here because only this room imports sharp.
import sharp from 'sharp';
import { RENDITION_QUALITY } from './limits.ts';

export async function bareResize(file: string, width: number, height: number): Promise<number> {
  const bytes = await sharp(file).resize(width, height).jpeg({ quality: RENDITION_QUALITY }).toBuffer();
  return bytes.length;
}
