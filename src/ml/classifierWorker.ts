// Worker-thread side of ClassifierPool: holds its own TextClassifier (ONNX session, featurizer,
// lid.176) and answers classify requests, so scoring never blocks the thread that asked for it
// (onnxruntime-node's run() computes synchronously on the calling thread).
import { parentPort } from 'node:worker_threads';
import { TextClassifier, type ClassifierOptions } from './classifier.ts';
import { classificationJson } from './classificationWire.ts';

export type WorkerRequest =
  | { readonly type: 'open'; readonly modelsDir: string; readonly options: ClassifierOptions }
  | { readonly type: 'classify'; readonly id: number; readonly texts: readonly string[]; readonly wire?: boolean };

let classifier: TextClassifier | undefined;

parentPort?.on('message', (message: WorkerRequest) => {
  void handle(message);
});

async function handle(message: WorkerRequest): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  try {
    if (message.type === 'open') {
      classifier = await TextClassifier.open(message.modelsDir, message.options);
      port.postMessage({ type: 'ready', modelVersions: classifier.modelVersions, tasks: classifier.loadedTasks });
      return;
    }
    if (classifier === undefined) throw new Error('classify before open');
    // One JSON string crosses the thread boundary faster than a structured clone of many small objects.
    const results = await classifier.classify(message.texts);
    const json = message.wire === true ? results.map(classificationJson).join('\n') : JSON.stringify(results);
    port.postMessage({ type: 'result', id: message.id, json });
  } catch (error) {
    port.postMessage({ type: 'error', id: message.type === 'classify' ? message.id : -1, message: error instanceof Error ? error.message : String(error), name: error instanceof Error ? error.name : 'Error' });
  }
}
