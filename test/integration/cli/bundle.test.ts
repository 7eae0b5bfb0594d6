// The CLI bundle (scripts/build-cli.mjs → out/cli) built in a copy of the repository: the `stoa`
// command runs it while it is fresh, falls back to the sources as soon as one is newer (so an edit
// is never answered by old code), finds models/ and resources/ from the bundle's place, and keeps
// heavy packages off the start of every command (the lazy-import convention in commands/index.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { runNode, type CliResult } from '../../support/runCli.ts';

const repo = join(import.meta.dirname, '../../..');

const run = (args: readonly string[], env: NodeJS.ProcessEnv = {}, input = ''): Promise<CliResult> =>
  runNode(args, { env: { STOA_FROM_SOURCE: '', STOA_REQUIRE_BUNDLE: '', ...env }, input, timeoutMs: 180_000 });

/** A copy of what the bundle is built from, with node_modules linked (not copied); one per file. */
function copyRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'stoa-bundle-'));
  for (const path of ['src', 'bin', 'scripts', 'models', 'resources', 'package.json']) cpSync(join(repo, path), join(root, path), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** Bare package names that loading `file` pulls in through static imports, chunks followed. */
function staticPackages(dir: string, file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const text = readFileSync(join(dir, file), 'utf8');
  for (const match of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gms)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('./')) for (const name of staticPackages(dir, specifier.slice(2), seen)) packages.add(name);
    else packages.add(specifier);
  }
  return packages;
}

describe('the CLI bundle', () => {
  let root = '';
  beforeAll(async () => {
    root = copyRepository();
    const build = await run([join(root, 'scripts/build-cli.mjs')]);
    expect(build.code, build.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('answers --version and classify from the bundle, with the shipped models found from out/cli', async () => {
    const bin = join(root, 'bin/stoa.mjs');
    const version = await run([bin, '--version'], { STOA_REQUIRE_BUNDLE: '1' });
    expect(version.stdout.trim()).toBe(pkg.version);
    const classified = await run([bin, 'classify', '--tasks', 'spam'], { STOA_REQUIRE_BUNDLE: '1' }, '{"id":"a","text":"check out my channel, free giveaway"}\n');
    expect(classified.stderr).toBe('');
    const answer = JSON.parse(classified.stdout) as { id: string; scores: Record<string, number>; model_versions: Record<string, string> };
    expect(answer.id).toBe('a');
    expect(Object.keys(answer.model_versions)).toContain('spam');
    expect(answer.scores['spam']).toBeGreaterThan(0.5);
  }, 60_000);

  it('loads no package but the bundled commander before a command runs', () => {
    const packages = [...staticPackages(join(root, 'out/cli'), 'main.js')];
    expect(packages.filter((name) => !name.startsWith('node:'))).toEqual([]);
  });

  it('runs the sources, not the old bundle, once a source file is newer than the build', async () => {
    const bin = join(root, 'bin/stoa.mjs');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(root, 'package.json'), JSON.stringify({ ...manifest, version: '9.8.7' }));
    expect((await run([bin, '--version'])).stdout.trim()).toBe('9.8.7');
    const strict = await run([bin, '--version'], { STOA_REQUIRE_BUNDLE: '1' });
    expect(strict.code).toBe(3);
    expect(strict.stderr).toMatch(/older than the sources/);
    const rebuilt = await run([join(root, 'scripts/build-cli.mjs')]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect((await run([bin, '--version'], { STOA_REQUIRE_BUNDLE: '1' })).stdout.trim()).toBe('9.8.7');
  }, 60_000);
});
