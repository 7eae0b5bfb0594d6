// Classification on worker threads: one TextClassifier per worker (two by default, one per core on
// the machines Stoa targets). A batch is split across the workers and the answers are put back in
// input order; a small batch goes to one worker. The calling thread only posts messages, so the UI,
// the server and the sync engine keep running while texts are scored.
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Classification, ClassifierOptions } from './classifier.ts';
import type { TaskName } from './manifest.ts';
import { ModelLoadError } from './registry.ts';

export interface PoolOptions extends ClassifierOptions {
  /** Worker threads (default: min(2, CPU count)); 0 means score in the calling thread (openClassifier). */
  readonly workers?: number;
}

type Reply =
  | { type: 'ready'; modelVersions: Record<string, string>; tasks: TaskName[] }
  | { type: 'result'; id: number; json: string }
  | { type: 'error'; id: number; message: string; name: string };

/**
 * How a stream of texts (`stoa classify`) is fed to the pool: batches of this many texts, each split
 * across the workers, with this many batches in flight so that neither worker waits for the other's
 * half or for the calling thread between batches (2 in flight measured about 25% slower than 4).
 */
export const STREAM_BATCH = 512;
export const STREAM_IN_FLIGHT = 4;

/** Below this many texts a batch is not split: message passing would cost more than it saves. */
const SPLIT_MIN = 64;

export class ClassifierPool {
  private next = 0;
  private pending = new Map<number, { resolve: (json: string) => void; reject: (e: Error) => void }>();
  private turn = 0;

  private constructor(
    private readonly workers: readonly Worker[],
    readonly modelVersions: Readonly<Record<string, string>>,
    readonly loadedTasks: readonly TaskName[],
  ) {
    for (const w of workers) w.on('message', (reply: Reply) => this.settle(reply));
  }

  static async open(modelsDir: string, options: PoolOptions = {}): Promise<ClassifierPool> {
    const count = Math.max(1, options.workers ?? Math.min(2, cpus().length));
    const { workers: _ignored, ...classifierOptions } = options;
    const workers = Array.from({ length: count }, () => startWorker());
    // Wait for every worker to answer before terminating any: terminating a worker while it is
    // still loading onnxruntime's native addon aborts the whole process ("terminate called after
    // throwing Napi::Error") instead of reporting the load error.
    const settled = await Promise.allSettled(workers.map((w) => openIn(w, modelsDir, classifierOptions)));
    const failed = settled.find((result) => result.status === 'rejected');
    const first = settled[0];
    if (failed || first?.status !== 'fulfilled') {
      await Promise.all(workers.map((w) => w.terminate()));
      throw failed ? (failed as PromiseRejectedResult).reason : new Error('no worker started');
    }
    return new ClassifierPool(workers, first.value.modelVersions, first.value.tasks);
  }

  async classify(texts: readonly string[]): Promise<Classification[]> {
    const parts = await this.scatter(texts, false);
    return parts.flatMap((json) => (json === '' ? [] : (JSON.parse(json) as Classification[])));
  }

  /** One JSON line per text in `stoa classify`'s wire form (classificationWire.ts), in input order. */
  async classifyToJsonLines(texts: readonly string[]): Promise<string[]> {
    const parts = await this.scatter(texts, true);
    return parts.flatMap((json) => (json === '' ? [] : json.split('\n')));
  }

  private scatter(texts: readonly string[], wire: boolean): Promise<string[]> {
    if (texts.length === 0) return Promise.resolve([]);
    if (texts.length < SPLIT_MIN || this.workers.length === 1) {
      this.turn = (this.turn + 1) % this.workers.length;
      return this.send(this.workers[this.turn] as Worker, texts, wire).then((json) => [json]);
    }
    const size = Math.ceil(texts.length / this.workers.length);
    return Promise.all(this.workers.map((w, i) => this.send(w, texts.slice(i * size, (i + 1) * size), wire)));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(worker: Worker, texts: readonly string[], wire: boolean): Promise<string> {
    if (texts.length === 0) return Promise.resolve('');
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'classify', id, texts, wire });
    });
  }

  private settle(reply: Reply): void {
    if (reply.type === 'ready') return;
    const waiting = this.pending.get(reply.id);
    if (waiting === undefined) return;
    this.pending.delete(reply.id);
    if (reply.type === 'result') waiting.resolve(reply.json);
    else waiting.reject(new Error(reply.message));
  }
}

// In development the sources are TypeScript run through tsx, which a new thread must register
// itself; a built app ships classifierWorker.js next to this file and needs no loader.
function startWorker(): Worker {
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(typescript ? './classifierWorker.ts' : './classifierWorker.js', import.meta.url).href;
  if (!typescript) return new Worker(new URL(entry));
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}

function openIn(worker: Worker, modelsDir: string, options: ClassifierOptions): Promise<{ modelVersions: Record<string, string>; tasks: TaskName[] }> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Reply): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (reply.type === 'ready') resolve({ modelVersions: reply.modelVersions, tasks: reply.tasks });
      else if (reply.type === 'error') reject(reply.name === 'ModelLoadError' ? new ModelLoadError('manifest_invalid', reply.message) : new Error(reply.message));
    };
    const onError = (error: Error): void => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage({ type: 'open', modelsDir, options });
  });
}
