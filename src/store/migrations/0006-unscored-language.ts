// A score can be absent with a reason: an item in a language its model was not trained on is marked
// "not scored" instead of stored as 0, which a queue sorted by score would read as "clean". SQLite
// cannot relax a column constraint in place, so the table is rebuilt. Rows written as 0 with the old
// "not scored: language …" note are dropped rather than converted: the next scoring pass writes them
// again in the new form (their item has no score from the current version any more).
import type { Migration } from './types.ts';

export const unscoredLanguage: Migration = {
  version: 6,
  name: 'unscored-language',
  up(db) {
    db.exec(`
      CREATE TABLE scores_next (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        model_version TEXT NOT NULL,
        score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
        unscored_reason TEXT,
        evidence TEXT NOT NULL CHECK (json_valid(evidence)),
        scored_at TEXT NOT NULL,
        PRIMARY KEY (item_id, model),
        CHECK ((score IS NULL) = (unscored_reason IS NOT NULL))
      ) STRICT;
      INSERT INTO scores_next (item_id, model, model_version, score, unscored_reason, evidence, scored_at)
        SELECT item_id, model, model_version, score, NULL, evidence, scored_at FROM scores
        WHERE NOT (json_array_length(evidence) = 1 AND json_extract(evidence, '$[0].text') LIKE 'not scored: language %');
      DROP TABLE scores;
      ALTER TABLE scores_next RENAME TO scores;
      CREATE INDEX scores_model_score ON scores (model, score DESC);
    `);
  },
};
