// The `stoa classify` contract, through the real command: one output line per input line in the same
// order, probabilities in [0, 1], labels over threshold with evidence that points into the text,
// model versions from the manifests, and an error line (with its line number) for each bad line.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STREAM_BATCH, STREAM_IN_FLIGHT } from '../../../src/ml/classifierPool.ts';
import { modelDirs, readManifest } from '../../../src/ml/registry.ts';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { MODELS_DIR } from '../../support/datasets.ts';

const SCORES = ['spam', 'toxicity', 'commercial', 'disclosure', 'disclosure_present', 'undisclosed_sponsorship'];
// The evidence task behind each label (undisclosed sponsorship is shown by its commercial evidence).
const EVIDENCE_OF: Record<string, string> = { undisclosed_sponsorship: 'commercial', disclosure_present: 'disclosure', disclosure_adequate: 'disclosure' };
const inputs = [
  { id: 'spam-1', text: 'Check out my channel and subscribe!!! http://www.youtube.com/user/freecash' },
  { id: 'plain-2', text: 'this song reminds me of summer 2013' },
  { id: 'affiliate-3', text: 'My everyday camera: https://amzn.to/2gKKV6N — use code GLOW20 for 20% off, link in bio' },
  { id: 'abuse-4', text: 'you are a pathetic idiot and everyone hates you' },
];

interface OutputLine {
  id?: string;
  line?: number;
  error?: string;
  scores?: Record<string, number | null>;
  labels?: string[];
  evidence?: { task: string; start: number; end: number; text: string; weight: number }[];
  model_versions?: Record<string, string>;
}

describe.runIf(modelDirs(MODELS_DIR).length === 3)('stoa classify', () => {
  const tempDir = useTempDir('stoa-classify-');

  it('answers every line in order, with evidence for every label and an error line for each bad line', async () => {
    const lines = [JSON.stringify(inputs[0]), 'this is not json', JSON.stringify(inputs[1]), '{"id":"no-text"}', JSON.stringify(inputs[2]), '[1,2]', JSON.stringify(inputs[3])];
    const result = await runCli(['classify'], { input: `${lines.join('\n')}\n`, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as OutputLine);
    expect(out).toHaveLength(lines.length);
    expect(out.map((o) => o.id ?? `error@${o.line ?? '?'}`)).toEqual(['spam-1', 'error@2', 'plain-2', 'no-text', 'affiliate-3', 'error@6', 'abuse-4']);
    expect(out[3]?.line).toBe(4);
    expect(out[3]?.error).toMatch(/text/);

    const versions = Object.fromEntries(modelDirs(MODELS_DIR).map((d) => readManifest(d)).map((m) => [m.name, m.version]));
    const byId = new Map(out.filter((o) => o.error === undefined).map((o) => [o.id, o]));
    for (const [id, o] of byId) {
      const text = inputs.find((i) => i.id === id)?.text ?? '';
      expect(Object.keys(o.scores ?? {}).sort()).toEqual([...SCORES].sort());
      for (const s of SCORES) expect(o.scores?.[s]).toBeGreaterThanOrEqual(0);
      for (const s of SCORES) expect(o.scores?.[s]).toBeLessThanOrEqual(1);
      expect(o.model_versions).toEqual(versions);
      for (const label of o.labels ?? []) {
        const spans = (o.evidence ?? []).filter((e) => e.task === label || e.task === EVIDENCE_OF[label]);
        expect(spans.length, `${id}: ${label} has evidence`).toBeGreaterThan(0);
      }
      for (const e of o.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
    expect(byId.get('spam-1')?.labels).toContain('spam');
    expect(byId.get('abuse-4')?.labels).toContain('toxicity');
    expect(byId.get('affiliate-3')?.labels).toContain('commercial');
    expect(byId.get('plain-2')?.labels).toEqual([]);
  }, 60_000);

  it('reports disclosure_present and disclosure_adequate apart, and applies a line\'s kind', async () => {
    const lines = [
      // Disclosure before the fold: present and adequate.
      { id: 'disclosed', text: '#ad Paid partnership with @nike. My camera: https://amzn.to/2gKKV6N use code GLOW20', kind: 'caption' },
      // The same wording only after the ~125-character fold: present, not adequate, so undisclosed.
      {
        id: 'hidden',
        text: `My everyday camera https://amzn.to/2gKKV6N and the lens I use for every single video on this channel, with the tripod and the microphone too. ${'More about the setup below. '.repeat(3)}#ad #sponsored`,
      },
      { id: 'plug', text: 'Check out my channel and subscribe!!! http://www.youtube.com/user/freecash', kind: 'comment' },
      { id: 'bad-kind', text: 'hello', kind: 'tweet' },
    ];
    const result = await runCli(['classify'], { input: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    const out = new Map(result.stdout.trim().split('\n').map((l) => JSON.parse(l) as OutputLine & { not_scored?: Record<string, string> }).map((o) => [o.id, o]));
    expect(out.get('disclosed')?.labels).toEqual(expect.arrayContaining(['commercial', 'disclosure_present', 'disclosure_adequate']));
    expect(out.get('disclosed')?.labels).not.toContain('spam');
    expect(out.get('disclosed')?.scores?.spam).toBeNull();
    expect(out.get('hidden')?.labels).toEqual(expect.arrayContaining(['commercial', 'disclosure_present', 'undisclosed_sponsorship']));
    expect(out.get('hidden')?.labels).not.toContain('disclosure_adequate');
    expect(out.get('plug')?.labels).toContain('self_promotion');
    expect(out.get('plug')?.labels).not.toContain('undisclosed_sponsorship');
    expect(out.get('plug')?.scores?.undisclosed_sponsorship).toBeNull();
    expect(out.get('plug')?.not_scored?.undisclosed_sponsorship).toMatch(/not for comments/);
    expect(out.get('bad-kind')?.error).toMatch(/"kind" must be one of post, caption, comment/);

    const help = await runCli(['classify', '--help']);
    expect(help.stdout).toMatch(/disclosure_present\s+disclosure wording anywhere/);
    expect(help.stdout).toMatch(/disclosure_adequate\s+disclosure wording RULES.md accepts/);
    expect(help.stdout).toMatch(/self_promotion/);
  }, 60_000);

  it('keeps input order across more batches than are in flight at once', async () => {
    const count = STREAM_BATCH * (STREAM_IN_FLIGHT + 2) + 7;
    const lines = Array.from({ length: count }, (_, i) => (i === 1000 ? 'broken' : JSON.stringify({ id: `n${i}`, text: inputs[i % inputs.length]?.text })));
    const result = await runCli(['classify'], { input: `${lines.join('\n')}\n`, timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as OutputLine);
    expect(out.map((o) => o.id ?? `error@${o.line ?? '?'}`)).toEqual(lines.map((_, i) => (i === 1000 ? 'error@1001' : `n${i}`)));
  }, 120_000);

  it('scores only the requested tasks', async () => {
    const result = await runCli(['classify', '--tasks', 'spam'], { input: `${JSON.stringify(inputs[0])}\n` });
    const [line] = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as OutputLine);
    expect(line?.scores?.spam).toBeGreaterThan(0.5);
    expect(line?.scores?.toxicity).toBeNull();
    expect(Object.keys(line?.model_versions ?? {})).toEqual(['spam']);
  }, 60_000);

  it('stoa eval prints metrics as JSON for a labelled file', async () => {
    const file = join(tempDir(), 'labelled.jsonl');
    const rows = [
      { text: inputs[0]?.text, label: 1 },
      { text: inputs[1]?.text, label: 0 },
      { text: 'Subscribe to my channel for free giftcards http://bit.ly/x', label: 1 },
      { text: 'I love this song so much', label: 0 },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const result = await runCli(['eval', '--task', 'spam', '--data', file]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { task: string; metrics: { n: number; accuracy: number; f1: number } };
    expect(report.task).toBe('spam');
    expect(report.metrics.n).toBe(4);
    expect(report.metrics.accuracy).toBeGreaterThanOrEqual(0);
    expect(report.metrics.accuracy).toBeLessThanOrEqual(1);
  }, 60_000);

  it('stoa eval measures the disclosure_present label, and names the scores when asked for an unknown one', async () => {
    const file = join(tempDir(), 'disclosure.jsonl');
    const rows = [
      { text: '#ad Paid partnership with @nike. My camera: https://amzn.to/2gKKV6N', label: 1 },
      { text: `My camera https://amzn.to/2gKKV6N and the lens I use in every video on this channel, with the tripod and the microphone too. ${'More below. '.repeat(4)}#ad #sponsored`, label: 1 },
      { text: 'My camera https://amzn.to/2gKKV6N', label: 0 },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const result = await runCli(['eval', '--task', 'sponsorship', '--score', 'disclosure_present', '--data', file]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { score: string; metrics: { n: number; recall: number; precision: number } };
    expect(report.score).toBe('disclosure_present');
    expect(report.metrics).toMatchObject({ n: 3, recall: 1, precision: 1 });
    const unknown = await runCli(['eval', '--task', 'sponsorship', '--score', 'disclosed', '--data', file]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Unknown score "disclosed"\. Use one of: .*disclosure_present/);
  }, 60_000);

  it('refuses a model trained with another featurizer, saying why', async () => {
    const models = join(tempDir(), 'models');
    cpSync(join(MODELS_DIR, 'spam'), join(models, 'spam'), { recursive: true });
    const manifestFile = join(models, 'spam', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { featurizer: { version: string } };
    manifest.featurizer.version = 'stoa-hashed-ngrams-0';
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const result = await runCli(['classify', '--models', models, '--tasks', 'spam'], { input: `${JSON.stringify(inputs[0])}\n` });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/featurizer stoa-hashed-ngrams-0/);
    expect(result.stderr).toMatch(/stoa train --task spam/);
  }, 60_000);
});
