// Scores the items in a workspace that have no score from the current model version — new items
// after a sync, or every item after a model changes — and stores scores with version and evidence.
// Which sponsorship scores an item gets depends on its kind (ml/contentKind.ts): a comment gets
// `self_promotion` and no undisclosed_sponsorship score (null, with the reason).
import type { Database } from 'better-sqlite3';
import { scoredText } from '../../core/scoredText.ts';
import { forContentKind, type ContentKind } from '../../ml/contentKind.ts';
import type { Clock } from '../../store/clock.ts';
import { itemsNeedingScore, upsertScores, type ScoreInput } from '../../store/scores.ts';
import type { Classifier, ScoreName, TaskName } from './classifierService.ts';

type StoredScoreName = ScoreName | 'self_promotion';

/** The scores each model produces; the first is the one whose version decides what needs scoring. */
export const SCORES_BY_TASK: Readonly<Record<TaskName, readonly StoredScoreName[]>> = {
  spam: ['spam'],
  toxicity: ['toxicity'],
  sponsorship: ['undisclosed_sponsorship', 'commercial', 'disclosure', 'disclosure_present', 'self_promotion'],
};

export interface ScoringReport {
  readonly scored: number;
  readonly byTask: Partial<Record<TaskName, number>>;
  /** Item × model pairs not scored because the model does not support the item's language (score null, with the reason). */
  readonly unsupportedLanguage: number;
}

const contentKind = (kind: string): ContentKind => (kind === 'comment' ? 'comment' : kind === 'caption' ? 'caption' : 'post');

export async function scorePendingItems(db: Database, classifier: Classifier, clock: Clock, options: { batchSize?: number; maxItems?: number } = {}): Promise<ScoringReport> {
  const batchSize = options.batchSize ?? 512;
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const byTask: Partial<Record<TaskName, number>> = {};
  let unsupported = 0;
  for (const task of classifier.tasks) {
    const version = classifier.versionOf(task);
    const names = SCORES_BY_TASK[task];
    const primary = names[0];
    if (version === undefined || primary === undefined) continue;
    let done = 0;
    while (done < maxItems) {
      const items = itemsNeedingScore(db, primary, version, Math.min(batchSize, maxItems - done));
      if (items.length === 0) break;
      const texts = items.map(scoredText);
      const results = await classifier.classify(texts);
      const rows: ScoreInput[] = [];
      items.forEach((item, i) => {
        const raw = results[i];
        if (raw === undefined) return;
        const kind = contentKind(item.kind);
        const result = forContentKind(raw, texts[i] ?? '', kind);
        const unsupportedHere = raw.unsupportedLanguage.includes(task);
        if (unsupportedHere) unsupported++;
        for (const name of names) {
          // self_promotion is a comment's score; posts and captions have none to store.
          if (name === 'self_promotion' && kind !== 'comment') continue;
          const base = { itemId: item.id, model: name, modelVersion: version };
          const score = result.scores[name];
          const withheld = name === 'self_promotion' ? undefined : result.notScored[name];
          if (unsupportedHere || score === null) {
            const reason = unsupportedHere ? `language ${raw.language?.language ?? 'unknown'} is not supported by this model` : (withheld ?? 'the model returned no score');
            rows.push({ ...base, score: null, unscoredReason: reason, evidence: [] });
          } else rows.push({ ...base, score, evidence: result.evidence.filter((e) => e.task === name || (name === 'disclosure_present' && e.task === 'disclosure')) });
        }
      });
      upsertScores(db, rows, clock);
      done += items.length;
    }
    byTask[task] = done;
  }
  const scored = Object.values(byTask).reduce((a, b) => a + (b ?? 0), 0);
  return { scored, byTask, unsupportedLanguage: unsupported };
}
