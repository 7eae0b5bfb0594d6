// Keeps every item scored by the current models: opens the classifier once (lazily, so a
// workspace without models costs nothing) and scores what is new or was scored by an older version.
import type { BackendContext } from './context.ts';
import { listModels, openClassifier, type Classifier } from './models/classifierService.ts';
import { scorePendingItems, type ScoringReport } from './models/scoring.ts';

export interface ScoringService {
  /** Scores items without a current score; null when no model is installed. */
  scoreNew(): Promise<ScoringReport | null>;
  /** Asks for a pass soon (after a pull); requests that arrive while one waits share it. */
  schedule(): void;
  close(): Promise<void>;
}

export function createScoringService(ctx: BackendContext): ScoringService {
  let classifier: Promise<Classifier> | null = null;
  // One pass at a time: a sync that lands while scoring runs is picked up by the next pass.
  let running: Promise<ScoringReport | null> = Promise.resolve(null);
  let waiting = false;
  const load = (): Promise<Classifier> => (classifier ??= openClassifier(ctx.modelsDir));
  const pass = async (): Promise<ScoringReport | null> => {
    if (listModels(ctx.modelsDir).length === 0) return null;
    const report = await scorePendingItems(ctx.db, await load(), ctx.clock);
    if (report.scored > 0) ctx.events.emit({ type: 'items.changed', count: report.scored });
    return report;
  };

  return {
    scoreNew() {
      running = running.catch(() => null).then(pass);
      return running;
    },
    schedule() {
      if (waiting) return;
      waiting = true;
      running = running
        .catch(() => null)
        .then(() => {
          waiting = false;
          return pass();
        });
      // A failed background pass is retried by the next pull; it must not become an unhandled rejection.
      running.catch(() => undefined);
    },
    async close() {
      await running.catch(() => undefined);
      if (classifier) await (await classifier).close();
    },
  };
}
