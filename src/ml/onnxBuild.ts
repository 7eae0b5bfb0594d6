// Small helpers to write ONNX graphs from TypeScript with onnx-proto (the ONNX protobuf schema
// compiled for protobufjs): tensors, nodes, typed inputs/outputs and the model envelope.
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

const { onnx } = onnxProto;
export const DataType = onnx.TensorProto.DataType;
export type GraphNode = OnnxTypes.INodeProto;
export type Tensor = OnnxTypes.ITensorProto;
export type ValueInfo = OnnxTypes.IValueInfoProto;

/** Opset 17: Gather/ReduceSum/Unsqueeze with axes as inputs, LayerNormalization for the baseline. */
export const OPSET = 17;

export function floatTensor(name: string, dims: readonly number[], data: Float32Array): Tensor {
  return { name, dims: [...dims], dataType: DataType.FLOAT, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

export function int64Tensor(name: string, dims: readonly number[], data: readonly number[]): Tensor {
  const buf = new BigInt64Array(data.map((d) => BigInt(d)));
  return { name, dims: [...dims], dataType: DataType.INT64, rawData: new Uint8Array(buf.buffer) };
}

export function int8Tensor(name: string, dims: readonly number[], data: Int8Array): Tensor {
  return { name, dims: [...dims], dataType: DataType.INT8, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

export function node(opType: string, inputs: readonly string[], outputs: readonly string[], attributes: OnnxTypes.IAttributeProto[] = []): GraphNode {
  return { opType, input: [...inputs], output: [...outputs], name: `${opType}_${outputs[0] ?? ''}`, attribute: attributes };
}

export const intAttr = (name: string, i: number): OnnxTypes.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INT, i });
export const floatAttr = (name: string, f: number): OnnxTypes.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.FLOAT, f });

/** A typed input/output; string dims are symbolic (e.g. 'batch'). */
export function valueInfo(name: string, elemType: number, dims: readonly (number | string)[]): ValueInfo {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export interface GraphSpec {
  readonly name: string;
  readonly nodes: GraphNode[];
  readonly initializers: Tensor[];
  readonly inputs: ValueInfo[];
  readonly outputs: ValueInfo[];
  readonly docString?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /** Extra operator sets, e.g. com.microsoft for onnxruntime's contrib ops. */
  readonly extraOpsets?: readonly { domain: string; version: number }[];
}

export function encodeModel(spec: GraphSpec): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'stoa',
    opsetImport: [{ domain: '', version: OPSET }, ...(spec.extraOpsets ?? [])],
    docString: spec.docString ?? '',
    metadataProps: Object.entries(spec.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: spec.name,
      node: spec.nodes,
      initializer: spec.initializers,
      input: spec.inputs,
      output: spec.outputs,
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Reads the named float initializers back out of an encoded model (the weights used for evidence). */
export function readFloatInitializers(bytes: Uint8Array): Map<string, { dims: number[]; data: Float32Array }> {
  const model = onnx.ModelProto.decode(bytes);
  const out = new Map<string, { dims: number[]; data: Float32Array }>();
  for (const t of model.graph?.initializer ?? []) {
    if (t.dataType !== DataType.FLOAT || t.rawData === null || t.rawData === undefined || typeof t.name !== 'string') continue;
    const raw = t.rawData;
    const copy = new Uint8Array(raw.byteLength);
    copy.set(raw);
    out.set(t.name, { dims: (t.dims ?? []).map(Number), data: new Float32Array(copy.buffer) });
  }
  return out;
}
