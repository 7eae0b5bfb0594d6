// Model scores: the current score per (item, model) with the model version and evidence that made it.
import type { Database } from 'better-sqlite3';
import { isoNow, type Clock } from './clock.ts';
import { prepared } from './statements.ts';

export interface EvidenceSpan {
  task: string;
  start: number;
  end: number;
  text: string;
  weight: number;
  rule?: string;
}

/** `score` is null, with `unscoredReason` saying why, when the model declined to score the item. */
export type ScoreInput = {
  readonly itemId: string;
  readonly model: string;
  readonly modelVersion: string;
  readonly evidence: readonly EvidenceSpan[];
} & ({ readonly score: number; readonly unscoredReason?: undefined } | { readonly score: null; readonly unscoredReason: string });

export interface StoredScore {
  itemId: string;
  model: string;
  modelVersion: string;
  score: number | null;
  unscoredReason: string | null;
  evidence: EvidenceSpan[];
  scoredAt: string;
}

export function upsertScores(db: Database, scores: readonly ScoreInput[], clock: Clock): void {
  const now = isoNow(clock);
  const write = prepared(
    db,
    `INSERT INTO scores (item_id, model, model_version, score, unscored_reason, evidence, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (item_id, model) DO UPDATE SET model_version = excluded.model_version, score = excluded.score,
       unscored_reason = excluded.unscored_reason, evidence = excluded.evidence, scored_at = excluded.scored_at`,
  );
  db.transaction(() => {
    for (const s of scores) write.run(s.itemId, s.model, s.modelVersion, s.score, s.unscoredReason ?? null, JSON.stringify(s.evidence), now);
  })();
}

export function scoresForItem(db: Database, itemId: string): StoredScore[] {
  const rows = prepared(
    db,
    'SELECT item_id, model, model_version, score, unscored_reason, evidence, scored_at FROM scores WHERE item_id = ? ORDER BY model',
  ).all(itemId) as { item_id: string; model: string; model_version: string; score: number | null; unscored_reason: string | null; evidence: string; scored_at: string }[];
  return rows.map((r) => ({
    itemId: r.item_id,
    model: r.model,
    modelVersion: r.model_version,
    score: r.score,
    unscoredReason: r.unscored_reason,
    evidence: JSON.parse(r.evidence) as EvidenceSpan[],
    scoredAt: r.scored_at,
  }));
}

/**
 * Items that have no score from `model` at `modelVersion` (never scored, or scored by another
 * version): what a re-scoring pass must visit after a model changes. Ordered for stable batching.
 */
export function itemsNeedingScore(
  db: Database,
  model: string,
  modelVersion: string,
  limit: number,
): { id: string; title: string | null; body: string; kind: string }[] {
  return prepared(
    db,
    `SELECT i.id, i.title, i.body, i.kind FROM items i
     LEFT JOIN scores s ON s.item_id = i.id AND s.model = ?
     WHERE s.item_id IS NULL OR s.model_version <> ?
     ORDER BY i.rowid LIMIT ?`,
  ).all(model, modelVersion, limit) as { id: string; title: string | null; body: string; kind: string }[];
}
