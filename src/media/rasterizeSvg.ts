// An SVG drawn into a JPEG (libvips' SVG loader), for images made on this machine: the rendered
// test images the OCR benchmark reads. Not for untrusted SVG — the inputs are Stoa's own strings.
import sharp from 'sharp';

export function rasterizeSvgToJpeg(svg: string, quality = 85): Promise<Buffer> {
  return sharp(Buffer.from(svg, 'utf8')).jpeg({ quality }).toBuffer();
}
