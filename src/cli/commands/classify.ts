// `stoa classify`: JSON lines {"id","text"[,"kind"]} on stdin → one JSON line per input on stdout, same
// order, with scores, labels over threshold, evidence spans and model versions. A line that is not
// valid input gets an error line naming its line number; the rest go on. Lines are batched and scored
// on worker threads while the next batches are read (STREAM_IN_FLIGHT batches in flight). A line with
// "kind":"comment" gets the comment's labels (self_promotion, no undisclosed_sponsorship: contentKind.ts).
import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import type { Classifier } from '../../backend/models/classifierService.ts';


interface Pending {
  readonly line: number;
  readonly id?: unknown;
  readonly text?: string;
  readonly kind?: string;
  readonly error?: string;
}

const KINDS = ['post', 'caption', 'comment'] as const;

const LABELS_HELP = `
Input: one JSON object per line, {"id": string|number, "text": string, "kind"?: "post"|"caption"|"comment"}
kind: "post" (default; a community post or any text), "caption" (a creator's caption, pin or video
description: no spam score, the spam model reads comments), "comment" (no undisclosed_sponsorship).

Output per line: "scores" (calibrated probabilities), "labels" (each over its threshold from the model's
manifest, chosen on validation), "evidence" (spans and matched rules), "model_versions".
Labels:
  spam, toxicity            the spam and toxicity heads over their thresholds
  commercial                selling something (learned head, floored by affiliate-link/code rules)
  disclosure_present        disclosure wording anywhere in the text (score disclosure_present)
  disclosure_adequate       disclosure wording RULES.md accepts, placed before the ~125-character fold
                            and not buried in a hashtag cluster (score disclosure; "disclosure" is the
                            same label under its older name)
  undisclosed_sponsorship   commercial and not disclosure_adequate (posts and captions only)
  self_promotion            kind "comment" only: a comment plugging the commenter's own channel, link or
                            shop, or selling; a comment's undisclosed_sponsorship score is null
Scores withheld for a kind are null, and "not_scored" says why.`;

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('Score JSON lines {"id","text"} from stdin for spam, toxicity and undisclosed sponsorship.')
    .option('-t, --tasks <list>', 'comma-separated tasks: spam,toxicity,sponsorship', 'spam,toxicity,sponsorship')
    .option('--models <dir>', 'models directory (default: the shipped models)')
    .option('--no-language-id', 'skip language identification (every text is scored as English)')
    .addHelpText('after', LABELS_HELP)
    .action(async (flags: { tasks: string; models?: string; languageId: boolean }) => {
      const { openClassifier } = await import('../../backend/models/classifierService.ts');
      const { parseTask } = await import('../../backend/models/training.ts');
      const tasks = flags.tasks.split(',').map((t) => parseTask(t.trim()));
      const classifier = await openClassifier(flags.models, { tasks, languageId: flags.languageId });
      try {
        await classifyStream(classifier);
      } finally {
        await classifier.close();
      }
    });
}

async function classifyStream(classifier: Classifier): Promise<void> {
  const { STREAM_BATCH, STREAM_IN_FLIGHT } = await import('../../backend/models/classifierService.ts');
  const input = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const versions = JSON.stringify(classifier.modelVersions);
  let batch: Pending[] = [];
  let lineNumber = 0;
  // Output must keep input order: each batch's write waits for the previous one. Reading goes on
  // while up to STREAM_IN_FLIGHT batches are being scored; then it waits for the oldest to be written.
  let written: Promise<void> = Promise.resolve();
  const outstanding: Promise<void>[] = [];
  const flush = async (pending: Pending[]): Promise<void> => {
    const rendered = render(classifier, versions, pending);
    const previous = written;
    written = (async () => {
      const text = await rendered;
      await previous;
      await writeOut(text);
    })();
    outstanding.push(written);
    if (outstanding.length >= STREAM_IN_FLIGHT) await outstanding.shift();
  };
  for await (const raw of input) {
    lineNumber++;
    if (raw.trim() === '') continue;
    batch.push(parseLine(raw, lineNumber));
    if (batch.length >= STREAM_BATCH) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await flush(batch);
  await written;
}

function parseLine(raw: string, line: number): Pending {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { line, error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, error: 'expected an object {"id", "text"}' };
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') return { line, id: record.id, error: '"text" must be a string' };
  if (typeof record.id !== 'string' && typeof record.id !== 'number') return { line, error: '"id" must be a string or number' };
  if (record.kind !== undefined && !(KINDS as readonly unknown[]).includes(record.kind)) return { line, id: record.id, error: `"kind" must be one of ${KINDS.join(', ')}` };
  return { line, id: record.id, text: record.text, ...(typeof record.kind === 'string' ? { kind: record.kind } : {}) };
}

async function render(classifier: Classifier, versions: string, batch: readonly Pending[]): Promise<string> {
  const texts = batch.flatMap((p) => (p.text === undefined ? [] : [p.text]));
  const results = await classifier.classifyToJsonLines(texts);
  if (batch.some((p) => p.kind === 'comment' || p.kind === 'caption')) await applyContentKinds(batch, results);
  let next = 0;
  return batch
    .map((p) => {
      if (p.text === undefined) return JSON.stringify({ ...(p.id === undefined ? {} : { id: p.id }), line: p.line, error: p.error ?? 'invalid line' });
      const body = results[next++] ?? '{}';
      // {"id": …, <scores, labels, evidence[, unsupported_language]>, "model_versions": …}
      return `{"id":${JSON.stringify(p.id)},${body.slice(1, -1)},"model_versions":${versions}}`;
    })
    .join('\n');
}

/** Rewrites the results of "comment" and "caption" lines with the labels and scores that apply to them (in place, same order as the texts). */
async function applyContentKinds(batch: readonly Pending[], results: string[]): Promise<void> {
  const { forContentKind } = await import('../../backend/models/classifierService.ts');
  let next = 0;
  for (const p of batch) {
    if (p.text === undefined) continue;
    const at = next++;
    const body = results[at];
    if ((p.kind !== 'comment' && p.kind !== 'caption') || body === undefined) continue;
    const parsed = JSON.parse(body) as Parameters<typeof forContentKind>[0] & Record<string, unknown>;
    const kinded = forContentKind(parsed, p.text, p.kind);
    results[at] = JSON.stringify({ ...parsed, scores: kinded.scores, labels: kinded.labels, evidence: kinded.evidence, not_scored: kinded.notScored });
  }
}

function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(`${text}\n`)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
