// The sponsorship model a compliance scan asks, opened once per workspace and kept while the
// installed model's version stays the same: opening it is about a third of a scan's model time on
// 1,200 posts, and scans repeat (every import, every sync). A retrained model (another version in
// the manifest) is picked up at the next scan; the backend closes it with the workspace.
import type { BackendContext } from './context.ts';
import { listModels, openClassifier, type Classifier } from './models/classifierService.ts';

interface Held {
  readonly version: string;
  readonly classifier: Promise<Classifier>;
}

const held = new WeakMap<BackendContext, Held>();

/** The open in-thread sponsorship classifier, or null when no sponsorship model is installed. */
export async function sponsorshipClassifier(ctx: BackendContext): Promise<Classifier | null> {
  const version = listModels(ctx.modelsDir).find((m) => m.task === 'sponsorship')?.version ?? null;
  const current = held.get(ctx);
  if (current && current.version === version) return current.classifier;
  if (current) {
    held.delete(ctx);
    await (await current.classifier.catch(() => null))?.close();
  }
  if (version === null) return null;
  const classifier = openClassifier(ctx.modelsDir, { tasks: ['sponsorship'] });
  held.set(ctx, { version, classifier });
  classifier.catch(() => held.delete(ctx));
  return classifier;
}

export async function closeComplianceModels(ctx: BackendContext): Promise<void> {
  const current = held.get(ctx);
  held.delete(ctx);
  if (current) await (await current.classifier.catch(() => null))?.close();
}
