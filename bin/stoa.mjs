#!/usr/bin/env node
// The `stoa` command. Runs the bundle in out/cli (built by `npm run build` and by `prepare` at the
// end of `npm ci`) when it is newer than every source file it was built from, and otherwise the
// TypeScript sources through tsx: an edit under src/ is never answered by old code, it is only
// slower until the next `npm run build:cli`. STOA_FROM_SOURCE=1 always runs the sources;
// STOA_REQUIRE_BUNDLE=1 fails instead of falling back.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

// One stat call per source file (a few milliseconds for ~300): far cheaper than a start through tsx.
function freshBundle() {
  if (process.env.STOA_FROM_SOURCE === '1') return null;
  let info;
  try {
    info = JSON.parse(readFileSync(new URL('out/cli/build-info.json', root), 'utf8'));
  } catch {
    return null;
  }
  const entry = new URL(`out/cli/${info.entry}`, root);
  if (!statSync(entry, { throwIfNoEntry: false })) return null;
  for (const input of info.inputs) {
    const stat = statSync(new URL(input, root), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > info.builtAt) return null;
  }
  return entry.href;
}

const bundle = freshBundle();
let main;
if (!bundle && process.env.STOA_REQUIRE_BUNDLE === '1') {
  // The start-up bench sets this: timing the sources by mistake would report the wrong thing.
  console.error('stoa: the CLI bundle in out/cli is missing or older than the sources; run `npm run build:cli`.');
  process.exit(3);
} else if (bundle) {
  ({ main } = await import(bundle));
} else {
  // Said only on a terminal: scripts and tests read stderr, and the result is the same either way.
  if (process.stderr.isTTY && process.env.STOA_FROM_SOURCE !== '1') {
    console.error('stoa: the CLI bundle is missing or older than the sources, so they run through tsx (slower); `npm run build:cli` refreshes it.');
  }
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
