// A BERT-base-shaped ONNX graph with random int8 weights, built here (nothing downloaded), as the
// same-run baseline for the benchmarks: 12 layers, hidden 768, 12 heads, FFN 3072, 30,522-token
// vocabulary, dynamic int8 quantisation of every dense layer (com.microsoft DynamicQuantizeMatMul, what
// onnxruntime's quantize_dynamic produces) and 6 sigmoid outputs like Detoxify. Its outputs are
// meaningless; its cost is that of a Detoxify-class model on this machine.
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel, floatAttr, floatTensor, int64Tensor, int8Tensor, intAttr, node, valueInfo, type GraphNode, type Tensor } from './onnxBuild.ts';

export interface BertShape {
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  readonly ffn: number;
  readonly vocab: number;
  readonly maxPositions: number;
  readonly outputs: number;
}

export const BERT_BASE: BertShape = { layers: 12, hidden: 768, heads: 12, ffn: 3072, vocab: 30_522, maxPositions: 512, outputs: 6 };

export const BERT_INPUT = 'input_ids';
export const BERT_OUTPUT = 'scores';

export function bertBaselineBytes(shape: BertShape = BERT_BASE, seed = 7): Uint8Array {
  let state = seed >>> 0;
  const rand = (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296 - 0.5;
  };
  const inits: Tensor[] = [];
  const nodes: GraphNode[] = [];
  const floats = (name: string, dims: number[], scale: number): string => {
    const n = dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = rand() * scale;
    inits.push(floatTensor(name, dims, data));
    return name;
  };
  const constant = (name: string, dims: number[], value: number): string => {
    const n = dims.reduce((a, b) => a * b, 1);
    inits.push(floatTensor(name, dims, new Float32Array(n).fill(value)));
    return name;
  };
  const ints = (name: string, values: number[]): string => {
    inits.push(int64Tensor(name, [values.length], values));
    return name;
  };
  // y = x·W + b with W int8 (per-tensor scale), x quantised dynamically at run time.
  const dense = (x: string, inDim: number, outDim: number, name: string): string => {
    const w = new Int8Array(inDim * outDim);
    for (let i = 0; i < w.length; i++) w[i] = Math.round(rand() * 200);
    inits.push(int8Tensor(`${name}_w`, [inDim, outDim], w));
    inits.push(floatTensor(`${name}_scale`, [], new Float32Array([0.02 / 100])));
    inits.push(int8Tensor(`${name}_zp`, [], new Int8Array([0])));
    const bias = floats(`${name}_b`, [outDim], 0.02);
    nodes.push({ ...node('DynamicQuantizeMatMul', [x, `${name}_w`, `${name}_scale`, `${name}_zp`, bias], [`${name}_out`]), domain: 'com.microsoft' });
    return `${name}_out`;
  };
  const layerNorm = (x: string, name: string): string => {
    nodes.push(node('LayerNormalization', [x, constant(`${name}_g`, [shape.hidden], 1), constant(`${name}_beta`, [shape.hidden], 0)], [`${name}_out`], [intAttr('axis', -1), floatAttr('epsilon', 1e-12)]));
    return `${name}_out`;
  };
  const headDim = shape.hidden / shape.heads;
  // Embeddings: token + position (positions 0..seq-1 taken by slicing the table to the input's length).
  nodes.push(node('Gather', [floats('word_emb', [shape.vocab, shape.hidden], 0.04), BERT_INPUT], ['tok']));
  nodes.push(node('Shape', [BERT_INPUT], ['ids_shape']));
  nodes.push(node('Gather', ['ids_shape', ints('one', [1])], ['seq_len']));
  nodes.push(node('Slice', [floats('pos_emb', [shape.maxPositions, shape.hidden], 0.04), ints('zero', [0]), 'seq_len', ints('axis0', [0])], ['pos']));
  nodes.push(node('Add', ['tok', 'pos'], ['emb']));
  let h = layerNorm('emb', 'emb_ln');
  const splitHeads = ints('split_heads', [0, -1, shape.heads, headDim]);
  const mergeHeads = ints('merge_heads', [0, -1, shape.hidden]);
  inits.push(floatTensor('attn_scale', [], new Float32Array([1 / Math.sqrt(headDim)])));
  for (let l = 0; l < shape.layers; l++) {
    const p = `l${l}`;
    const heads = (x: string, name: string, perm: number[]): string => {
      nodes.push(node('Reshape', [x, splitHeads], [`${name}_r`]));
      nodes.push({ ...node('Transpose', [`${name}_r`], [`${name}_t`]), attribute: [{ name: 'perm', type: 7, ints: perm }] });
      return `${name}_t`;
    };
    const q = heads(dense(h, shape.hidden, shape.hidden, `${p}_q`), `${p}_qh`, [0, 2, 1, 3]);
    const k = heads(dense(h, shape.hidden, shape.hidden, `${p}_k`), `${p}_kh`, [0, 2, 3, 1]);
    const v = heads(dense(h, shape.hidden, shape.hidden, `${p}_v`), `${p}_vh`, [0, 2, 1, 3]);
    nodes.push(node('MatMul', [q, k], [`${p}_qk`]));
    nodes.push(node('Mul', [`${p}_qk`, 'attn_scale'], [`${p}_qks`]));
    nodes.push(node('Softmax', [`${p}_qks`], [`${p}_att`], [intAttr('axis', -1)]));
    nodes.push(node('MatMul', [`${p}_att`, v], [`${p}_ctx`]));
    nodes.push({ ...node('Transpose', [`${p}_ctx`], [`${p}_ctx_t`]), attribute: [{ name: 'perm', type: 7, ints: [0, 2, 1, 3] }] });
    nodes.push(node('Reshape', [`${p}_ctx_t`, mergeHeads], [`${p}_ctx_m`]));
    nodes.push(node('Add', [dense(`${p}_ctx_m`, shape.hidden, shape.hidden, `${p}_o`), h], [`${p}_res1`]));
    const a = layerNorm(`${p}_res1`, `${p}_ln1`);
    nodes.push({ ...node('Gelu', [dense(a, shape.hidden, shape.ffn, `${p}_ff1`)], [`${p}_gelu`]), domain: 'com.microsoft' });
    nodes.push(node('Add', [dense(`${p}_gelu`, shape.ffn, shape.hidden, `${p}_ff2`), a], [`${p}_res2`]));
    h = layerNorm(`${p}_res2`, `${p}_ln2`);
  }
  // Pool the [CLS] position, classify.
  nodes.push(node('Gather', [h, ints('cls', [0])], ['cls_vec'], [intAttr('axis', 1)]));
  nodes.push(node('Squeeze', ['cls_vec', ints('squeeze_axis', [1])], ['pooled']));
  nodes.push(node('Sigmoid', [dense('pooled', shape.hidden, shape.outputs, 'head')], [BERT_OUTPUT]));
  return encodeModel({
    name: 'bert_base_shaped_random_int8',
    nodes,
    initializers: inits,
    inputs: [valueInfo(BERT_INPUT, DataType.INT64, ['batch', 'sequence'])],
    outputs: [valueInfo(BERT_OUTPUT, DataType.FLOAT, ['batch', shape.outputs])],
    extraOpsets: [{ domain: 'com.microsoft', version: 1 }],
  });
}

export interface BaselineMeasurement {
  readonly batch1: number;
  readonly batch8: number;
  readonly p50: number;
  readonly p99: number;
  readonly peakMb: number;
}

export interface BertBaseline {
  /** Items/s at batch 1 and 8, single-item latency (ms) and RSS growth since the session was created. */
  measure(options: { sequence: number; items: number }): Promise<BaselineMeasurement>;
  close(): Promise<void>;
}

/** Builds the graph and opens one session; measure it as often as needed (e.g. before and after ours). */
export async function openBertBaseline(threads: number): Promise<BertBaseline> {
  const bytes = bertBaselineBytes();
  const modelMb = bytes.length / 2 ** 20;
  // Memory is counted from here: the session (weights, arena), not the JS garbage of building the graph.
  const before = process.memoryUsage().rss;
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: threads, graphOptimizationLevel: 'all' });
  let peakRss = process.memoryUsage().rss;
  const ids = (batch: number, sequence: number): ort.Tensor =>
    new ort.Tensor('int64', BigInt64Array.from({ length: batch * sequence }, (_, i) => BigInt((i * 7919) % 30_000)), [batch, sequence]);
  return {
    async measure({ sequence, items }) {
      await session.run({ [BERT_INPUT]: ids(1, sequence) });
      const latencies: number[] = [];
      let started = performance.now();
      for (let i = 0; i < items; i++) {
        const t0 = performance.now();
        await session.run({ [BERT_INPUT]: ids(1, sequence) });
        latencies.push(performance.now() - t0);
      }
      const batch1 = items / ((performance.now() - started) / 1000);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const batches = Math.max(1, Math.round(items / 8));
      started = performance.now();
      for (let i = 0; i < batches; i++) await session.run({ [BERT_INPUT]: ids(8, sequence) });
      const batch8 = (batches * 8) / ((performance.now() - started) / 1000);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      latencies.sort((x, y) => x - y);
      const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
      // RSS growth can under-count weights that onnxruntime maps from the buffer it was given, so the
      // serialized model size is the floor.
      return { batch1, batch8, p50: at(0.5), p99: at(0.99), peakMb: Math.max(modelMb, (peakRss - before) / 2 ** 20) };
    },
    close: () => session.release(),
  };
}
