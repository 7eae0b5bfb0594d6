// Spam: YouTube comment spam (one video held out entirely), ScamSpot Instagram scams, and SMS spam as
// auxiliary data (different style, so it counts half).
import { loadSet, type SetId } from '../datasets.ts';
import { dropDuplicates, splitHoldOut, splitRows } from '../split.ts';
import { countTrain, type PreparedTask, type TaskSpec } from './taskTypes.ts';

export const HELD_OUT_VIDEO = 'Youtube04-Eminem';

export const spamTask: TaskSpec = {
  name: 'spam',
  heads: [{ name: 'spam', goal: { kind: 'precision', target: 0.9 } }],
  setWeights: { 'sms-spam': 0.5 },
  crossValidate: { head: 'spam', set: 'youtube-spam' },
  prepare(root, _permissiveOnly, seed): PreparedTask {
    // All three spam sets are CC BY 4.0 or MIT, so the permissive model is the full model.
    const counts = new Map<SetId, { rowsAfterDedupe: number; trainRows: number }>();
    const youtube = dropDuplicates(loadSet(root, 'youtube-spam'));
    const yt = splitHoldOut(youtube, [HELD_OUT_VIDEO]);
    const scamspot = dropDuplicates(loadSet(root, 'scamspot'));
    const ss = splitRows(scamspot, 0.2, seed);
    const smsRows = dropDuplicates(loadSet(root, 'sms-spam'));
    const sms = splitRows(smsRows, 0.2, seed + 1);
    countTrain(counts, 'youtube-spam', youtube.length, yt.train.length);
    countTrain(counts, 'scamspot', scamspot.length, ss.train.length);
    countTrain(counts, 'sms-spam', smsRows.length, sms.train.length);
    return {
      train: [...yt.train, ...ss.train, ...sms.train],
      // Cross-validation may also use the held-out video's rows (each fold holds out one video).
      allRows: [...youtube, ...ss.train, ...sms.train],
      benign: new Set(),
      setCounts: counts,
      notes: [
        'Exact duplicate texts removed per set before splitting (spam templates repeat).',
        'The held-out video is one of four; the authors\u2019 95–99% accuracies train and test within each video. Misses on the unseen video are mostly spam without a link or handle ("lovely girl talk to me", "if eminem gets 1 penny per view…") and ham that reads like a call to action ("Thumbs up if you listen this in 2015").',
        'ScamSpot spot check (the 30 first held-out errors read by hand): of 15 comments flagged but labelled real, about 9 are scams or spam by any reading ("hey! please check your dm.", "it has been an amazing journey with her making money from the comfort of my home…", "create your own cryptocurrency website! … www.cryptowebsites.shop"), so precision is understated; the misses are mostly short crypto hype without a call to action ("gm 👀", "#frzss🔥🔥🔥🔥").',
        'Pretrained representations measured on the same splits (choices on validation): GloVe 6B-100d beside the n-gram logit (mean-pooled, fastText-style, CNN) gave held-out-video accuracy 0.93–0.96 in variants whose validation scores were no better than the n-gram model\u2019s, and ScamSpot F1 at most 0.883; Universal Sentence Encoder Lite stacked with the n-gram logit gave 0.927 on the video. Leave-one-video-out over the three training videos stays at 0.86–0.87 mean accuracy with or without SMS and with either threshold rule. Not shipped.',
        'SMS spam is auxiliary (half weight): it helps SMS-style prize scams but costs about two points of held-out-video accuracy in a scratch comparison on the test split (not used to choose).',
      ],
      evaluations: [
        { name: 'youtube-held-out-video', head: 'spam', split: `video ${HELD_OUT_VIDEO} held out entirely`, rows: yt.test, kind: 'binary', target: { metric: 'accuracy', value: 0.95 } },
        { name: 'scamspot-held-out', head: 'spam', split: `random 20% of deduplicated rows (seed ${seed})`, rows: ss.test, kind: 'binary', target: { metric: 'f1', value: 0.92 } },
        { name: 'sms-held-out', head: 'spam', split: `random 20% of deduplicated rows (seed ${seed + 1})`, rows: sms.test, kind: 'binary' },
      ],
    };
  },
};
