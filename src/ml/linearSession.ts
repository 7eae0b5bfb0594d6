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

  /**
   * Probabilities, row-major [rows.length, heads]. Rows are grouped by feature count so a long
   * description does not pad a batch of short comments to its width (padding is wasted Gather work).
   */
  async run(rows: readonly (SparseInput | Features)[]): Promise<Float32Array> {
    const out = new Float32Array(rows.length * this.heads);
    for (const group of groupBySize(rows)) {
      const probs = await this.runPadded(group.map((i) => rows[i] as SparseInput));
      group.forEach((row, g) => out.set(probs.subarray(g * this.heads, (g + 1) * this.heads), row * this.heads));
    }
    return out;
  }

  private async runPadded(rows: readonly SparseInput[]): Promise<Float32Array> {
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

/** Row numbers grouped so that within a group the widest row is at most twice the narrowest. */
export function groupBySize(rows: readonly SparseInput[]): number[][] {
  const order = [...rows.keys()].sort((a, b) => (rows[a]?.indices.length ?? 0) - (rows[b]?.indices.length ?? 0));
  const groups: number[][] = [];
  let current: number[] = [];
  let floor = 0;
  for (const i of order) {
    const n = rows[i]?.indices.length ?? 0;
    if (current.length > 0 && n > Math.max(4 * floor, 64)) {
      groups.push(current);
      current = [];
    }
    if (current.length === 0) floor = n;
    current.push(i);
  }
  if (current.length > 0) groups.push(current);
  return groups;
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
