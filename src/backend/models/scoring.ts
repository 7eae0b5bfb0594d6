// Scores the items in a workspace that have no score from the current model version — new items
// after a sync, or every item after a model changes — and stores scores with version and evidence.
import type { Database } from 'better-sqlite3';
import { scoredText } from '../../core/scoredText.ts';
import type { Clock } from '../../store/clock.ts';
import { itemsNeedingScore, upsertScores, type ScoreInput } from '../../store/scores.ts';
import type { Classifier, ScoreName, TaskName } from './classifierService.ts';

/** The scores each model produces; the first is the one whose version decides what needs scoring. */
export const SCORES_BY_TASK: Readonly<Record<TaskName, readonly ScoreName[]>> = {
  spam: ['spam'],
  toxicity: ['toxicity'],
  sponsorship: ['undisclosed_sponsorship', 'commercial', 'disclosure'],
};

export interface ScoringReport {
  readonly scored: number;
  readonly byTask: Partial<Record<TaskName, number>>;
  /** Item × model pairs not scored because the model does not support the item's language (score null, with the reason). */
  readonly unsupportedLanguage: number;
}


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
      const results = await classifier.classify(items.map(scoredText));
      const rows: ScoreInput[] = [];
      items.forEach((item, i) => {
        const result = results[i];
        if (result === undefined) return;
        const unsupportedHere = result.unsupportedLanguage.includes(task);
        if (unsupportedHere) unsupported++;
        for (const name of names) {
          const base = { itemId: item.id, model: name, modelVersion: version };
          const score = result.scores[name];
          if (unsupportedHere || score === null) {
            const reason = unsupportedHere ? `language ${result.language?.language ?? 'unknown'} is not supported by this model` : 'the model returned no score';
            rows.push({ ...base, score: null, unscoredReason: reason, evidence: [] });
          } else rows.push({ ...base, score, evidence: result.evidence.filter((e) => e.task === name) });
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
