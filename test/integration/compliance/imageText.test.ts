// OCR of disclosures superimposed on images, on rendered test images (sharp draws SVG text over
// coloured backgrounds at several sizes and places): recall of the disclosure wording through
// the real disclosure check, and images per second, both printed; then an import with OCR whose
// only disclosure is on the image. Local traineddata only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { openTestWorkspace } from '../../support/workspace.ts';
import { assessDisclosure } from '../../../src/core/disclosureCheck.ts';
import { FTC_PROFILE } from '../../../src/core/jurisdictionProfiles.ts';
import { englishTrainedDataDir, openImageTextReader } from '../../../src/compliance/imageText.ts';

const WORDINGS = [
  { text: '#ad', wording: 'hashtag_ad' },
  { text: 'Ad', wording: 'ad' },
  { text: 'Paid partnership', wording: 'paid_partnership' },
  { text: 'Sponsored', wording: 'sponsored' },
  { text: 'Advertisement', wording: 'advert' },
] as const;
const BACKGROUNDS = ['#d9c7b0', '#1d3557', '#f1faee', '#e63946'];

function svg(label: string, bg: string, i: number): string {
  const dark = bg === '#1d3557' || bg === '#e63946';
  const size = [36, 48, 64][i % 3] ?? 48;
  const y = [90, 540, 980][i % 3] ?? 90;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1080"><rect width="100%" height="100%" fill="${bg}"/>
    <circle cx="700" cy="420" r="260" fill="${dark ? '#457b9d' : '#a8dadc'}"/>
    <text x="60" y="${y}" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="${dark ? '#ffffff' : '#111111'}">${label}</text></svg>`;
}

describe('disclosure in the image (OCR)', () => {
  it('reads superimposed disclosure wording from rendered images', { timeout: 180_000 }, async () => {
    expect(englishTrainedDataDir()).toContain('node_modules');
    const cases = WORDINGS.flatMap((w, wi) => BACKGROUNDS.map((bg, bi) => ({ ...w, bg, i: wi * BACKGROUNDS.length + bi })));
    const images = await Promise.all(cases.map((c) => sharp(Buffer.from(svg(c.text, c.bg, c.i))).jpeg({ quality: 85 }).toBuffer()));
    const reader = await openImageTextReader();
    let found = 0;
    const misses: string[] = [];
    const started = performance.now();
    try {
      for (const [k, c] of cases.entries()) {
        const read = await reader.read(images[k] ?? Buffer.alloc(0));
        const a = assessDisclosure({ caption: '', imageText: read.text }, FTC_PROFILE);
        if (a.findings.some((f) => f.where === 'image' && f.wording === c.wording)) found++;
        else misses.push(`${c.text} on ${c.bg}: read ${JSON.stringify(read.text)}`);
      }
    } finally {
      await reader.close();
    }
    const seconds = (performance.now() - started) / 1000;
    const recall = found / cases.length;
    process.stdout.write(`OCR disclosure recall ${found}/${cases.length} = ${recall.toFixed(3)} on 1080x1080 rendered JPEGs; ${(cases.length / seconds).toFixed(2)} images/s (one worker)${misses.length ? `; misses: ${misses.join('; ')}` : ''}\n`);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe('import with --ocr', () => {
  it('reads a disclosure that is only on the image and the scan reports it as such', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stoa-ocr-'));
    const ws = await openTestWorkspace(join(dir, 'data'), 'in-process');
    try {
      writeFileSync(join(dir, 'post.jpg'), await sharp(Buffer.from(svg('Paid partnership', '#d9c7b0', 0))).jpeg().toBuffer());
      const c = ws.client;
      const audit = await c.call('compliance.audits.create', { name: 'OCR', jurisdiction: 'ftc', periodFrom: '2026-01-01', periodTo: '2026-12-31' });
      if (!audit.ok) throw new Error(audit.error.message);
      await c.call('compliance.creators.add', { auditId: audit.value.id, platform: 'pinterest', handle: 'pins' });
      // Mathur pin 452822937508600190's caption: an affiliate link and no disclosure in the text.
      const text = JSON.stringify([{ platform: 'pinterest', creator: 'pins', id: '452822937508600190', caption: 'pink champagne stud earrings http://rstyle.me/n/uw8unr9te', image_files: ['post.jpg'] }]);
      const imported = await c.call('compliance.posts.import', { auditId: audit.value.id, format: 'json', text, ocr: true, baseDir: dir });
      expect(imported).toMatchObject({ ok: true, value: { newPosts: 1, imagesRead: 1, problems: [] } });
      await c.call('compliance.scan', { auditId: audit.value.id, useModels: false });
      const posts = await c.call('compliance.posts.list', { auditId: audit.value.id });
      if (!posts.ok) throw new Error(posts.error.message);
      expect(posts.value[0]).toMatchObject({ scanVerdict: 'needs_review', ruleId: 'ftc.placement.image_only', disclosurePresent: true, disclosureAdequate: false });
      expect(posts.value[0]?.evidence).toMatchObject({ outcome: 'only_in_image', disclosure: [expect.objectContaining({ where: 'image', wording: 'paid_partnership' })] });
    } finally {
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
