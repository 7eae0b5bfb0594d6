// Benign real comments: the ham of the YouTube and ScamSpot spam sets. Toxicity and sponsorship train
// on part of them as negatives (the tweet sets alone teach a model that any profanity or product talk
// is suspect) and measure false positives on the rest.
import { loadSet, type LabelledText } from '../datasets.ts';
import { dropDuplicates, splitRows, type Split } from '../split.ts';

export const BENIGN_TEST_FRACTION = 0.3;

export function benignComments(root: string, head: string, seed: number): Split {
  const ham = [...loadSet(root, 'youtube-spam'), ...loadSet(root, 'scamspot')].filter((r) => r.labels.spam === 0);
  const rows = dropDuplicates(ham).map((r): LabelledText => ({ ...r, labels: { [head]: 0 } }));
  return splitRows(rows, BENIGN_TEST_FRACTION, seed + 101);
}
