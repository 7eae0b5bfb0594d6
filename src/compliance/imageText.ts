// Reads the text superimposed on a post's image, on this machine: tesseract.js with the English
// traineddata from the @tesseract.js-data/eng package in node_modules (never a CDN — the langPath is
// a local folder and the cache is off, so nothing is fetched or written). The text feeds the same
// disclosure check as captions, so a disclosure found only in the image is reported as such.
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ImageText {
  readonly text: string;
  /** Tesseract's mean word confidence, 0–100. */
  readonly confidence: number;
}

export interface ImageTextReader {
  /** An image file path or its bytes (PNG, JPEG, WebP, BMP). */
  read(image: string | Buffer): Promise<ImageText>;
  close(): Promise<void>;
}

/** The folder holding eng.traineddata.gz inside node_modules (the package's own choice of model). */
export function englishTrainedDataDir(): string {
  const require = createRequire(import.meta.url);
  const data = require('@tesseract.js-data/eng') as { langPath: string };
  return path.resolve(data.langPath);
}

export interface ImageTextOptions {
  /** 'sparse' (default): words anywhere on a photo; 'auto': tesseract's default page layout (the bench's baseline). */
  readonly layout?: 'sparse' | 'auto';
}

export async function openImageTextReader(options: ImageTextOptions = {}): Promise<ImageTextReader> {
  const { createWorker, PSM } = await import('tesseract.js');
  const worker = await createWorker('eng', 1, { langPath: englishTrainedDataDir(), gzip: true, cacheMethod: 'none' });
  // Labels sit on photos, not in paragraphs: sparse-text layout finds words anywhere on the image.
  if ((options.layout ?? 'sparse') === 'sparse') await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
  return {
    async read(image) {
      const result = await worker.recognize(image);
      return { text: result.data.text.trim(), confidence: result.data.confidence };
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
