// The ONNX graph of a Stoa linear model: a bag of hashed features → per-head calibrated probability.
// Inputs are padded sparse rows (indices int32 [batch, width], values float [batch, width]; padding
// has value 0), so the cost is O(features present) instead of a dense [batch, 2^18] MatMul.
//   probabilities = Sigmoid(ReduceSum(Gather(W, indices) * values[..., None], axis=1) + B)
import { DataType, encodeModel, floatTensor, int64Tensor, node, valueInfo } from './onnxBuild.ts';

export const LINEAR_INPUTS = { indices: 'indices', values: 'values' } as const;
export const LINEAR_OUTPUT = 'probabilities';
export const WEIGHTS_NAME = 'W';
export const BIAS_NAME = 'B';

/** `weights` is row-major [dim, heads]: feature j's weight for head k is weights[j * heads + k]. */
export function linearModelBytes(dim: number, heads: readonly string[], weights: Float32Array, bias: Float32Array, metadata: Record<string, string>): Uint8Array {
  const k = heads.length;
  return encodeModel({
    name: 'stoa_linear',
    docString: `Stoa hashed-feature linear model; heads: ${heads.join(', ')}`,
    metadata: { ...metadata, heads: heads.join(',') },
    initializers: [floatTensor(WEIGHTS_NAME, [dim, k], weights), floatTensor(BIAS_NAME, [k], bias), int64Tensor('axis_last', [1], [2]), int64Tensor('axis_width', [1], [1])],
    nodes: [
      node('Gather', [WEIGHTS_NAME, LINEAR_INPUTS.indices], ['gathered']),
      node('Unsqueeze', [LINEAR_INPUTS.values, 'axis_last'], ['values3']),
      node('Mul', ['gathered', 'values3'], ['weighted']),
      node('ReduceSum', ['weighted', 'axis_width'], ['summed'], [{ name: 'keepdims', type: 2, i: 0 }]),
      node('Add', ['summed', BIAS_NAME], ['logits']),
      node('Sigmoid', ['logits'], [LINEAR_OUTPUT]),
    ],
    inputs: [valueInfo(LINEAR_INPUTS.indices, DataType.INT32, ['batch', 'width']), valueInfo(LINEAR_INPUTS.values, DataType.FLOAT, ['batch', 'width'])],
    outputs: [valueInfo(LINEAR_OUTPUT, DataType.FLOAT, ['batch', k])],
  });
}
