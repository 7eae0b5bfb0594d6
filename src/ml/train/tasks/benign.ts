// Benign real comments: the ham of the YouTube and ScamSpot spam sets. Toxicity and sponsorship train
// on part of them as negatives (the tweet sets alone teach a model that any profanity or product talk
// is suspect) and measure false positives on the rest.
import { loadSet, type LabelledText } from '../datasets.ts';
import { dropDuplicates, splitRows, type Split } from '../split.ts';
import { seededRandom, shuffleInPlace } from '../random.ts';
import type { SetId } from '../datasets.ts';

export const BENIGN_TEST_FRACTION = 0.3;

export function benignComments(root: string, head: string, seed: number): Split {
  const ham = [...loadSet(root, 'youtube-spam'), ...loadSet(root, 'scamspot')].filter((r) => r.labels.spam === 0);
  const rows = dropDuplicates(ham).map((r): LabelledText => ({ ...r, labels: { [head]: 0 } }));
  return splitRows(rows, BENIGN_TEST_FRACTION, seed + 101);
}

/**
 * The spam of the same sets (self-promotion, scams, "check out my channel"), as negatives of a head
 * that spam is not: `commercial` means content selling for a brand, which is what a disclosure audit
 * is about; a spam comment is the spam model's business and would otherwise fill the compliance view.
 */
export function spamComments(root: string, head: string, seed: number): Split {
  const spam = [...loadSet(root, 'youtube-spam'), ...loadSet(root, 'scamspot')].filter((r) => r.labels.spam === 1);
  const rows = dropDuplicates(spam).map((r): LabelledText => ({ ...r, labels: { [head]: 0 } }));
  return splitRows(rows, BENIGN_TEST_FRACTION, seed + 103);
}

/** Records, per source set, how many deduplicated ham comments there are and how many train. */
export function countBenign(counts: Map<SetId, { rowsAfterDedupe: number; trainRows: number }>, split: Split, used: boolean): void {
  for (const set of ['youtube-spam', 'scamspot'] as const) {
    const train = split.train.filter((r) => r.set === set).length;
    const total = train + split.test.filter((r) => r.set === set).length;
    const before = counts.get(set) ?? { rowsAfterDedupe: 0, trainRows: 0 };
    counts.set(set, { rowsAfterDedupe: before.rowsAfterDedupe + total, trainRows: before.trainRows + (used ? train : 0) });
  }
}

/** Tweets of the toxicity sets (news links, arguments, jokes: nothing for sale), a sample of each, labelled not `head`. */
export function tweets(root: string, head: string, seed: number, perSet: number): Split {
  const rows = (['davidson', 'olid'] as const).flatMap((set) =>
    shuffleInPlace(dropDuplicates(loadSet(root, set)), seededRandom(seed + 107)).slice(0, perSet).map((r): LabelledText => ({ ...r, labels: { [head]: 0 } })),
  );
  return splitRows(rows, BENIGN_TEST_FRACTION, seed + 109);
}

