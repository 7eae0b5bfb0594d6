// Augmentation against a known bias of the tweet sets: OLID and Davidson label any profanity as
// offensive, so a model trained on them flags "this blush is f***ing gorgeous". Real benign comments
// that praise something get a profane intensifier or exclamation inserted and stay labelled benign,
// teaching the model that profanity next to praise, aimed at no one, is not abuse.
import type { LabelledText } from '../datasets.ts';
import { seededRandom } from '../random.ts';

const PRAISE = /\b(?:gorgeous|amazing|love|beautiful|awesome|great|perfect|best|cute|good|nice|cool|incredible|stunning)\b/i;
const INTENSIFIERS = ['fucking', 'so fucking', 'damn', 'so damn', 'freaking', 'bloody', 'hella'] as const;
const EXCLAMATIONS = ['holy shit', 'damn,', 'hell yes,', 'shit,', 'fuck yes,', 'omg fuck,'] as const;

/** One augmented copy for a `share` of praising comments, labelled not toxic; deterministic for a seed. */
export function friendlyProfanity(benign: readonly LabelledText[], seed: number, share = 1): LabelledText[] {
  const random = seededRandom(seed + 31);
  const out: LabelledText[] = [];
  for (const row of benign) {
    const m = PRAISE.exec(row.text);
    if (m === null || random() >= share) continue;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const text =
      random() < 0.6
        ? `${row.text.slice(0, m.index)}${pick(INTENSIFIERS)} ${row.text.slice(m.index)}`
        : `${pick(EXCLAMATIONS)} ${row.text.charAt(0).toLowerCase()}${row.text.slice(1)}`;
    out.push({ ...row, text, labels: { toxicity: 0 } });
  }
  return out;
}
