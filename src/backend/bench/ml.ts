// Model benchmarks on short real comments (the ham and spam of the YouTube/ScamSpot sets, ≤ 120
// characters), all three tasks at once, language identification on: featurize rate, classify
// throughput at batch 1 and 256 (one thread, and on the two-thread worker pool), single-item p50/p99
// latency and peak memory — each against a BERT-base-shaped int8 ONNX graph measured in the same run
// (sequence length 32, both cores given to it).
import { openBertBaseline } from '../../ml/bertBaseline.ts';
import { TextClassifier } from '../../ml/classifier.ts';
import { ClassifierPool, STREAM_BATCH, STREAM_IN_FLIGHT } from '../../ml/classifierPool.ts';
import { Featurizer } from '../../ml/featurize.ts';
import { loadSet } from '../../ml/train/datasets.ts';
import { defaultModelsDir } from '../paths.ts';
import { resolveDatasetsDir } from '../models/training.ts';
import { ratioOf, type BenchEntry, type BenchSuite } from './types.ts';

const BASELINE_SEQUENCE = 32;
const BASELINE_ITEMS = 24;
const BASELINE_NAME = 'BERT-base-shaped int8 ONNX (random weights, seq 32)';
// Passes over the 4,000 comments per throughput figure: about a second of work each, so that a burst
// of load on a shared machine moves the figure less than it did over a quarter of a second.
const ROUNDS = 12;

export const mlBench: BenchSuite = {
  name: 'ml',
  async run(): Promise<BenchEntry[]> {
    const comments = shortComments(4000);
    let peakRss = process.memoryUsage().rss;
    const sample = (): void => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    };
    const startRss = process.memoryUsage().rss;

    const featurizer = new Featurizer();
    const featurizeRate = rate(comments.length * 5, () => {
      for (let r = 0; r < 5; r++) for (const c of comments) featurizer.featurize(c);
    });

    const classifier = await TextClassifier.open(defaultModelsDir());
    for (let i = 0; i < comments.length; i += 256) await classifier.classify(comments.slice(i, i + 256)); // warm-up (JIT)
    let started = performance.now();
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < comments.length; i += 256) {
        await classifier.classify(comments.slice(i, i + 256));
        sample();
      }
    }
    const batch256 = (ROUNDS * comments.length) / ((performance.now() - started) / 1000);
    const latencies: number[] = [];
    const single = comments.slice(0, 2000);
    started = performance.now();
    for (const c of single) {
      const t0 = performance.now();
      await classifier.classify([c]);
      latencies.push(performance.now() - t0);
    }
    const batch1 = single.length / ((performance.now() - started) / 1000);
    sample();
    const oursPeakMb = (peakRss - startRss) / 2 ** 20;
    await classifier.close();

    // The baseline is measured between our two phases and after them, and its better result kept, so
    // a burst of load from other processes during one of its runs cannot inflate our ratio.
    const bert = await openBertBaseline(2);
    const baselineFirst = await bert.measure({ sequence: BASELINE_SEQUENCE, items: BASELINE_ITEMS });

    // The same work on the worker pool the app and `stoa classify` use (both cores).
    const poolStartRss = process.memoryUsage().rss;
    peakRss = poolStartRss;
    const pool = await ClassifierPool.open(defaultModelsDir());
    for (let r = 0; r < 2; r++) for (let i = 0; i < comments.length; i += 256) await pool.classifyToJsonLines(comments.slice(i, i + 256)); // warm-up (JIT in each worker)
    // JSON lines (what `stoa classify` writes) cross the thread boundary as one string; objects (what
    // the backend stores) are parsed again on the calling thread.
    // `inFlight` 1 waits for each batch before sending the next; `stoa classify` sends STREAM_BATCH
    // texts at a time with STREAM_IN_FLIGHT batches outstanding.
    const poolRate = async (batch: number, asObjects: boolean, inFlight: number): Promise<number> => {
      const t0 = performance.now();
      for (let r = 0; r < ROUNDS; r++) {
        const pending: Promise<unknown>[] = [];
        for (let i = 0; i < comments.length; i += batch) {
          const slice = comments.slice(i, i + batch);
          pending.push(asObjects ? pool.classify(slice) : pool.classifyToJsonLines(slice));
          if (pending.length >= inFlight) await pending.shift();
        }
        await Promise.all(pending);
      }
      sample();
      return (ROUNDS * comments.length) / ((performance.now() - t0) / 1000);
    };
    const poolJson256 = await poolRate(256, false, 1);
    const poolStreamed = await poolRate(STREAM_BATCH, false, STREAM_IN_FLIGHT);
    const poolObjects256 = await poolRate(256, true, 1);
    const poolPeakMb = (peakRss - poolStartRss) / 2 ** 20;
    await pool.close();

    const baselineAfter = await bert.measure({ sequence: BASELINE_SEQUENCE, items: BASELINE_ITEMS });
    await bert.close();
    const baseline = {
      batch1: Math.max(baselineFirst.batch1, baselineAfter.batch1),
      batch8: Math.max(baselineFirst.batch8, baselineAfter.batch8),
      p50: Math.min(baselineFirst.p50, baselineAfter.p50),
      p99: Math.min(baselineFirst.p99, baselineAfter.p99),
      peakMb: baselineFirst.peakMb, // growth from creating its session to the end of its first run
    };
    const p50 = quantile(latencies, 0.5);
    const p99 = quantile(latencies, 0.99);
    const entry = (name: string, unit: string, value: number, base: number, better: 'higher' | 'lower', notes: string): BenchEntry => ({
      name,
      unit,
      value: round(value),
      baseline: { name: BASELINE_NAME, value: round(base) },
      ratio: ratioOf(value, base, better),
      better,
      notes,
    });
    const tasks = 'spam + toxicity + sponsorship, language ID on, evidence for positives';
    return [
      entry('ml.featurize', 'items/s', featurizeRate, baseline.batch1, 'higher', `featurizer alone on ${comments.length} short comments × 5; baseline: BERT-shaped items/s at batch 1`),
      entry('ml.classify.batch256', 'items/s', batch256, baseline.batch8, 'higher', `${tasks}; one thread; baseline at batch 8`),
      entry('ml.classify.pool.batch256', 'items/s', poolJson256, baseline.batch8, 'higher', `${tasks}; worker pool (2 threads), results as JSON lines as stoa classify writes them; baseline at batch 8`),
      entry('ml.classify.pool.streamed.batch256', 'items/s', poolStreamed, baseline.batch8, 'higher', `${tasks}; worker pool (2 threads) fed as stoa classify feeds it: ${STREAM_BATCH} texts per request (${STREAM_BATCH / 2} per worker), ${STREAM_IN_FLIGHT} requests in flight, JSON lines; baseline at batch 8`),
      entry('ml.classify.pool.objects.batch256', 'items/s', poolObjects256, baseline.batch8, 'higher', `${tasks}; worker pool (2 threads), results parsed back into objects (the backend's path); baseline at batch 8`),
      entry('ml.classify.batch1', 'items/s', batch1, baseline.batch1, 'higher', `${tasks}; one text per call`),
      entry('ml.latency.p50', 'ms', p50, baseline.p50, 'lower', 'single item, featurize + score + evidence'),
      entry('ml.latency.p99', 'ms', p99, baseline.p99, 'lower', 'single item'),
      entry('ml.peak_memory', 'MiB', oursPeakMb, baseline.peakMb, 'lower', 'RSS growth while loading and running the in-thread classifier (3 models fused + lid.176); baseline: the BERT-shaped session'),
      entry('ml.peak_memory.pool', 'MiB', poolPeakMb, baseline.peakMb, 'lower', 'RSS growth while the 2-worker pool loads and runs (each worker holds its own models, lid.176 and V8 heap)'),
    ];
  },
};

/** Real short comments from the spam sets (both classes, ≤ 120 characters), in file order, repeated to `limit`. */
export function shortComments(limit: number): string[] {
  const root = resolveDatasetsDir(undefined);
  const texts = [...loadSet(root, 'youtube-spam'), ...loadSet(root, 'scamspot')].map((r) => r.text).filter((t) => t.length > 0 && t.length <= 120);
  return Array.from({ length: Math.min(limit, texts.length * 10) }, (_, i) => texts[i % texts.length] ?? '');
}

function rate(items: number, work: () => void): number {
  const t0 = performance.now();
  work();
  return items / ((performance.now() - t0) / 1000);
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
