// Runs a Stoa linear ONNX model on featurized texts: packs sparse rows into one padded batch and
// calls onnxruntime once per batch. The session is created once and reused; onnxruntime computes on
// its own native thread, so the JS thread is free to featurize the next batch meanwhile.
import * as ort from 'onnxruntime-node';
import type { Features } from './featurize.ts';
import { LINEAR_INPUTS, LINEAR_OUTPUT } from './linearGraph.ts';

export interface SparseInput {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export class LinearSession {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly heads: number,
  ) {}

  static async open(model: string | Uint8Array, heads: number): Promise<LinearSession> {
    const options: ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' };
    const session = typeof model === 'string' ? await ort.InferenceSession.create(model, options) : await ort.InferenceSession.create(model, options);
    return new LinearSession(session, heads);
  }

  /** Probabilities, row-major [rows.length, heads]. */
  async run(rows: readonly (SparseInput | Features)[]): Promise<Float32Array> {
    if (rows.length === 0) return new Float32Array(0);
    const { indices, values, width } = packRows(rows);
    const out = await this.session.run({
      [LINEAR_INPUTS.indices]: new ort.Tensor('int32', indices, [rows.length, width]),
      [LINEAR_INPUTS.values]: new ort.Tensor('float32', values, [rows.length, width]),
    });
    const probabilities = out[LINEAR_OUTPUT];
    if (probabilities === undefined) throw new Error(`model has no '${LINEAR_OUTPUT}' output`);
    return probabilities.data as Float32Array;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/** Pads rows to the widest one; padding points at bucket 0 with value 0, so it adds nothing. */
export function packRows(rows: readonly SparseInput[]): { indices: Int32Array; values: Float32Array; width: number } {
  let width = 1;
  for (const r of rows) width = Math.max(width, r.indices.length);
  const indices = new Int32Array(rows.length * width);
  const values = new Float32Array(rows.length * width);
  rows.forEach((r, i) => {
    indices.set(r.indices, i * width);
    values.set(r.values, i * width);
  });
  return { indices, values, width };
}
