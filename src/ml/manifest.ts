// manifest.json of a model directory: what the model is, how it was trained and how well it did on
// data it never saw. Written by training, validated with zod when a model is loaded.
import { z } from 'zod';

const featurizerParams = z.object({
  dimBits: z.number().int().min(8).max(24),
  charNgramMin: z.number().int(),
  charNgramMax: z.number().int(),
  wordBigrams: z.boolean(),
  maxChars: z.number().int(),
});

const headSchema = z.object({
  name: z.string(),
  threshold: z.number(),
  thresholdGoal: z.string(),
  goalMet: z.boolean(),
  calibration: z.object({ a: z.number(), c: z.number() }),
});

const evaluationSchema = z.object({
  name: z.string(),
  head: z.string(),
  split: z.string(),
  rows: z.number().int(),
  digest: z.string(),
  metrics: z.record(z.string(), z.unknown()),
  target: z.object({ metric: z.string(), value: z.number(), achieved: z.number(), met: z.boolean(), lowerIsBetter: z.boolean().optional() }).optional(),
});

export const manifestSchema = z.object({
  name: z.string(),
  task: z.enum(['spam', 'toxicity', 'sponsorship']),
  version: z.string(),
  createdAt: z.string(),
  featurizer: z.object({ version: z.string(), params: featurizerParams }),
  heads: z.array(headSchema).min(1),
  languages: z.array(z.string()),
  training: z.object({
    seed: z.number().int(),
    permissiveOnly: z.boolean(),
    sets: z.array(z.object({ id: z.string(), licence: z.string(), permissive: z.boolean(), rowsAfterDedupe: z.number().int(), trainRows: z.number().int() })),
    hyperparameters: z.record(z.string(), z.unknown()),
    notes: z.array(z.string()),
  }),
  evaluations: z.array(evaluationSchema),
  /**
   * Label → threshold over the label's own score, chosen on validation where a label's score is not
   * its head's probability (sponsorship: disclosure_present, disclosure_adequate); with how it was chosen.
   */
  labelThresholds: z.record(z.string(), z.number()).optional(),
  labelThresholdNotes: z.array(z.string()).optional(),
  permissiveVariant: z.object({ sets: z.array(z.string()), evaluations: z.array(evaluationSchema) }).optional(),
  crossValidation: z
    .object({ head: z.string(), set: z.string(), folds: z.array(z.object({ heldOut: z.string(), rows: z.number().int(), accuracy: z.number(), f1: z.number(), auc: z.number() })) })
    .optional(),
  onnx: z.object({ file: z.string(), sha256: z.string(), bytes: z.number().int() }),
  verification: z.object({ rows: z.number().int(), maxAbsDiff: z.number() }),
});

export type ModelManifest = z.infer<typeof manifestSchema>;
export type ManifestEvaluation = z.infer<typeof evaluationSchema>;
export type ManifestHead = z.infer<typeof headSchema>;
export type TaskName = ModelManifest['task'];
export const TASKS: readonly TaskName[] = ['spam', 'toxicity', 'sponsorship'];
