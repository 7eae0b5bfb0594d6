// Compliance benchmarks. (1) Posts scanned per second — the whole `stoa audit scan` path: the
// sponsorship rules, the sponsorship model, brand/code/link evidence, disclosure placement under the
// FTC profile and the scan rows written to SQLite; no OCR and no media fetch — against `stoa
// classify` alone (its default three tasks on the worker pool, batches as the CLI streams them) on
// the same texts in the same run. Target: ≥ 0.5×. The texts are creators' real captions and video
// descriptions (the simulators' seeds: the datasets when present, the written stand-ins otherwise).
// (2) OCR images per second on rendered 1080² disclosure images, Stoa's sparse-text layout against
// tesseract.js's default layout on the same images, with the disclosure recall of each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ratioOf, type BenchEntry, type BenchSuite } from './types.ts';

const POSTS = 1200;
const ROUNDS = 3;
const seconds = (start: number): number => (performance.now() - start) / 1000;
const round = (value: number): number => Math.round(value * 100) / 100;

async function benchTexts(): Promise<string[]> {
  const { loadVideoDescriptions } = await import('../../platforms/youtube/simVideos.ts');
  const { loadCreatorCaptions } = await import('../../platforms/instagram/simCreators.ts');
  const pool = [...loadVideoDescriptions().map((v) => `${v.title}\n${v.description}`), ...loadCreatorCaptions().map((c) => c.caption)];
  // Repeated (with a counter, so every post is its own content) when the seed is small.
  return Array.from({ length: POSTS }, (_, i) => `${pool[i % pool.length] ?? ''}${i >= pool.length ? ` (${Math.floor(i / pool.length)})` : ''}`);
}

async function scanVersusClassify(): Promise<BenchEntry> {
  const { openBackend } = await import('../openBackend.ts');
  const { defaultModelsDir } = await import('../paths.ts');
  const { openClassifier, STREAM_BATCH } = await import('../models/classifierService.ts');
  const { importPostsIntoAudit, scanAudit } = await import('../complianceService.ts');
  const { addBrand, addCreator, createAudit } = await import('../../store/complianceAudits.ts');
  const texts = await benchTexts();
  const dir = mkdtempSync(join(tmpdir(), 'stoa-bench-compliance-'));
  const backend = openBackend({ dataDir: dir, host: 'in-process', modelsDir: defaultModelsDir() });
  try {
    const ctx = backend.context;
    const audit = createAudit(ctx.db, { name: 'bench', jurisdiction: 'ftc', periodFrom: '2000-01-01', periodTo: '2100-12-31' }, ctx.who, ctx.clock);
    const handles = ['bench.one', 'bench.two', 'bench.three'];
    for (const handle of handles) addCreator(ctx.db, { auditId: audit.id, platform: 'youtube', handle }, ctx.who, ctx.clock);
    addBrand(ctx.db, { auditId: audit.id, name: 'Amazon', handles: ['amazon'], discountCodes: [], affiliateIds: ['amzn.to'] }, ctx.who, ctx.clock);
    importPostsIntoAudit(
      ctx,
      audit.id,
      texts.map((caption, i) => ({ platform: 'youtube', remoteId: `bench-${i}`, creatorHandle: handles[i % handles.length] ?? 'bench.one', caption, permalink: null, postedAt: '2026-10-01T00:00:00.000Z', mediaType: 'VIDEO', mediaUrls: [], paidPartnership: false, taggedProducts: [], taggedUsers: [], imageText: null })),
    );
    const scanOnce = () => scanAudit(ctx, audit.id, { useModels: true, thumbnails: false });
    const first = await scanOnce(); // warm-up: model load, JIT, statement cache
    if (first.modelVersion === null) throw new Error('no sponsorship model is installed; the scan bench measures rules + models');

    const classifier = await openClassifier(defaultModelsDir());
    let classifyRate = 0;
    let scanRate = 0;
    try {
      const classifyOnce = async () => {
        const pending: Promise<unknown>[] = [];
        for (let i = 0; i < texts.length; i += STREAM_BATCH) pending.push(classifier.classifyToJsonLines(texts.slice(i, i + STREAM_BATCH)));
        await Promise.all(pending);
      };
      await classifyOnce();
      // Interleaved rounds, best of each, so a burst of load from another process hits both alike.
      for (let r = 0; r < ROUNDS; r++) {
        let t = performance.now();
        await classifyOnce();
        classifyRate = Math.max(classifyRate, texts.length / seconds(t));
        t = performance.now();
        await scanOnce();
        scanRate = Math.max(scanRate, texts.length / seconds(t));
      }
    } finally {
      await classifier.close();
    }
    return {
      name: 'compliance scan: posts/s (rules + sponsorship model + evidence + SQLite, no OCR)',
      unit: 'posts/s',
      value: round(scanRate),
      baseline: { name: '`stoa classify` alone (spam, toxicity, sponsorship on the worker pool), same texts', value: round(classifyRate) },
      ratio: ratioOf(scanRate, classifyRate, 'higher'),
      better: 'higher',
      notes: `${texts.length} creators' captions and video descriptions, best of ${ROUNDS} interleaved rounds; target ≥ 0.5×; model ${first.modelVersion}`,
    };
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ocrRates(): Promise<BenchEntry> {
  const { rasterizeSvgToJpeg } = await import('../../media/index.ts');
  const { disclosureTestImages } = await import('../../compliance/disclosureTestImages.ts');
  const { openImageTextReader } = await import('../../compliance/imageText.ts');
  const { assessDisclosure } = await import('../../core/disclosureCheck.ts');
  const { FTC_PROFILE } = await import('../../core/jurisdictionProfiles.ts');
  const cases = disclosureTestImages();
  const images = await Promise.all(cases.map((c) => rasterizeSvgToJpeg(c.svg)));
  const measure = async (layout: 'sparse' | 'auto') => {
    const reader = await openImageTextReader({ layout });
    try {
      await reader.read(images[0] ?? Buffer.alloc(0)); // warm-up
      let found = 0;
      const t = performance.now();
      for (const [i, c] of cases.entries()) {
        const read = await reader.read(images[i] ?? Buffer.alloc(0));
        if (assessDisclosure({ caption: '', imageText: read.text }, FTC_PROFILE).findings.some((f) => f.where === 'image' && f.wording === c.wording)) found++;
      }
      return { rate: cases.length / seconds(t), recall: found / cases.length };
    } finally {
      await reader.close();
    }
  };
  const ours = await measure('sparse');
  const base = await measure('auto');
  return {
    name: 'compliance OCR: rendered 1080² disclosure images/s (tesseract.js, sparse-text layout, one worker)',
    unit: 'images/s',
    value: round(ours.rate),
    baseline: { name: 'tesseract.js default page layout, same images', value: round(base.rate) },
    ratio: ratioOf(ours.rate, base.rate, 'higher'),
    better: 'higher',
    notes: `${cases.length} images; disclosure recall ${ours.recall.toFixed(3)} (default layout ${base.recall.toFixed(3)})`,
  };
}

export const complianceBench: BenchSuite = {
  name: 'compliance',
  async run(): Promise<BenchEntry[]> {
    return [await scanVersusClassify(), await ocrRates()];
  },
};
