// Precision and recall of "non-compliant" on Mathur et al.'s affiliate pins and YouTube
// descriptions: the project's held-out 20 % of each set (the split the sponsorship model card
// reports; the datasets' own hidden 20 % is not on this machine). Truth: label_undisclosed (no
// disclosure wording anywhere, silver labels). Two readings, both printed:
//   caption only — the scan as an audit runs it, from the text alone (pins rarely show their link);
//   commercial given — every Mathur item carries an affiliate link by construction, so the verdict
//   is taken from the disclosure rules with that material connection known (decideVerdict).
// Under the FTC profile, with no brand list and no model. Skipped, with one line, without the data.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommercialEvidence } from '../../../src/compliance/commercialEvidence.ts';
import { scanPost } from '../../../src/compliance/scanPost.ts';
import { decideVerdict } from '../../../src/compliance/verdict.ts';
import { JURISDICTION_PROFILES } from '../../../src/core/jurisdictionProfiles.ts';
import { sponsorshipRuleHits } from '../../../src/ml/rules/sponsorshipRules.ts';
import { loadSet } from '../../../src/ml/train/datasets.ts';
import { dropDuplicates, splitRows } from '../../../src/ml/train/split.ts';
import { defaultDatasetsDir } from '../../../src/platforms/sim/seed.ts';

const root = defaultDatasetsDir();
const present = existsSync(join(root, 'sponsorship/mathur-affiliate-disclosures/pinterest_affiliate_pins_disclosure.csv'));
if (!present) process.stdout.write(`compliance Mathur evaluation skipped: no sponsorship/mathur-affiliate-disclosures under ${root}\n`);

/** The model card's training seed; the sponsorship task offsets it per set (src/ml/train/tasks/sponsorship.ts). */
const SEED = 20261125;
const KNOWN_AFFILIATE: CommercialEvidence = { kind: 'affiliate_link', strength: 'strong', text: 'affiliate link (every Mathur item has one)', start: null, end: null, brand: null };

interface Counts { tp: number; fp: number; fn: number }
const pr = (c: Counts) => ({ precision: c.tp / (c.tp + c.fp), recall: c.tp / (c.tp + c.fn) });

function evaluate(set: 'mathur-pinterest' | 'mathur-youtube', offset: number) {
  const test = splitRows(dropDuplicates(loadSet(root, set)), 0.2, SEED + offset).test;
  const caption: Counts = { tp: 0, fp: 0, fn: 0 };
  const given: Counts = { tp: 0, fp: 0, fn: 0 };
  const presence: Counts = { tp: 0, fp: 0, fn: 0 };
  const add = (c: Counts, predicted: boolean, actual: boolean) => {
    if (predicted && actual) c.tp++;
    else if (predicted) c.fp++;
    else if (actual) c.fn++;
  };
  for (const row of test) {
    const post = { platform: set === 'mathur-pinterest' ? 'pinterest' : 'youtube', remoteId: row.group, creatorHandle: '', caption: row.text, permalink: null, postedAt: null, mediaType: null, mediaUrls: [], paidPartnership: false, taggedProducts: [], taggedUsers: [], imageText: null };
    const profile = JURISDICTION_PROFILES.ftc;
    const scan = scanPost({ post, profile, brands: [], ruleHits: sponsorshipRuleHits(row.text), model: null, scannedAt: '2026-12-03T00:00:00Z' });
    const undisclosed = row.labels['disclosure'] === 0;
    add(caption, scan.verdict === 'non_compliant', undisclosed);
    add(given, decideVerdict([KNOWN_AFFILIATE], scan.disclosure, profile).verdict === 'non_compliant', undisclosed);
    add(presence, scan.disclosurePresent, !undisclosed);
  }
  const result = { rows: test.length, undisclosed: caption.tp + caption.fn, captionOnly: pr(caption), commercialGiven: pr(given), disclosurePresent: pr(presence) };
  const f = (x: { precision: number; recall: number }) => `P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)}`;
  process.stdout.write(`${set} held-out (${result.rows} items, ${result.undisclosed} undisclosed): non-compliant caption-only ${f(result.captionOnly)}; commercial given ${f(result.commercialGiven)}; disclosure_present ${f(result.disclosurePresent)}\n`);
  return result;
}

describe.skipIf(!present)('non-compliant on Mathur held-out (FTC profile, rules)', () => {
  it('pins: precise, and with the affiliate link known finds nearly every undisclosed pin', () => {
    const r = evaluate('mathur-pinterest', 3);
    expect(r.captionOnly.precision).toBeGreaterThan(0.95);
    expect(r.commercialGiven.precision).toBeGreaterThan(0.95);
    expect(r.commercialGiven.recall).toBeGreaterThan(0.95);
  });

  it('YouTube descriptions: the numbers the silver labels allow', () => {
    const r = evaluate('mathur-youtube', 4);
    expect(r.captionOnly.precision).toBeGreaterThan(0.8);
    expect(r.commercialGiven.precision).toBeGreaterThan(0.85);
    expect(r.commercialGiven.recall).toBeGreaterThan(0.8);
  });
});
