// The model registry: finds models/<name>/manifest.json, validates it, checks the ONNX file's sha256
// and refuses a model trained with a different featurizer (its hashed features would mean nothing).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FEATURIZER_PARAMS, FEATURIZER_VERSION, sameFeaturizer, type FeaturizerParams } from './featurize.ts';
import { BIAS_NAME, WEIGHTS_NAME } from './linearGraph.ts';
import { LinearSession } from './linearSession.ts';
import { manifestSchema, type ModelManifest } from './manifest.ts';
import { readFloatInitializers } from './onnxBuild.ts';

export class ModelLoadError extends Error {
  constructor(
    readonly code: 'manifest_missing' | 'manifest_invalid' | 'featurizer_mismatch' | 'checksum_mismatch',
    message: string,
  ) {
    super(message);
    this.name = 'ModelLoadError';
  }
}

export interface ModelWeights {
  readonly dir: string;
  readonly manifest: ModelManifest;
  /** Row-major [2^dimBits, heads]: calibrated weights, read from the ONNX file itself, for evidence. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly bytes: Uint8Array;
}

export interface LoadedModel extends ModelWeights {
  readonly session: LinearSession;
}

/** Directories under `modelsDir` that hold a manifest.json, sorted by name. */
export function modelDirs(modelsDir: string): string[] {
  if (!existsSync(modelsDir)) return [];
  return readdirSync(modelsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(modelsDir, e.name, 'manifest.json')))
    .map((e) => join(modelsDir, e.name))
    .sort();
}

export function readManifest(dir: string): ModelManifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new ModelLoadError('manifest_missing', `No manifest.json in ${dir}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ModelLoadError('manifest_invalid', `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new ModelLoadError('manifest_invalid', `${file} does not match the manifest schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export function assertFeaturizerMatches(manifest: ModelManifest, current: FeaturizerParams = DEFAULT_FEATURIZER_PARAMS): void {
  if (!sameFeaturizer(manifest.featurizer, current)) {
    throw new ModelLoadError(
      'featurizer_mismatch',
      `Model ${manifest.name} ${manifest.version} was trained with featurizer ${manifest.featurizer.version} ${JSON.stringify(manifest.featurizer.params)}, ` +
        `but this build featurizes with ${FEATURIZER_VERSION} ${JSON.stringify(current)}. Retrain it with \`stoa train --task ${manifest.task}\`.`,
    );
  }
}

/** Manifest checked, checksum checked, weights decoded from the ONNX file; no session yet. */
export function loadModelWeights(dir: string): ModelWeights {
  const manifest = readManifest(dir);
  assertFeaturizerMatches(manifest);
  const bytes = readFileSync(join(dir, manifest.onnx.file));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== manifest.onnx.sha256) throw new ModelLoadError('checksum_mismatch', `${join(dir, manifest.onnx.file)} has sha256 ${sha}, but the manifest says ${manifest.onnx.sha256}.`);
  const initializers = readFloatInitializers(bytes);
  const weights = initializers.get(WEIGHTS_NAME);
  const bias = initializers.get(BIAS_NAME);
  if (weights === undefined || bias === undefined) throw new ModelLoadError('manifest_invalid', `${dir}: model.onnx lacks the ${WEIGHTS_NAME}/${BIAS_NAME} initializers of a Stoa linear model.`);
  return { dir, manifest, weights: weights.data, bias: bias.data, bytes };
}

export async function loadModel(dir: string): Promise<LoadedModel> {
  const model = loadModelWeights(dir);
  return { ...model, session: await LinearSession.open(model.bytes, model.manifest.heads.length) };
}
