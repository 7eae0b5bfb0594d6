#!/usr/bin/env node
// `npm start` on a desktop: builds the app, compiles an Electron-ABI copy of better-sqlite3 beside
// (not over) the Node one — so `npm test` keeps working — and opens the Electron window.
// Electron's own binary and headers are fetched on first run; machines without network cannot.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32', ...options });
  if (result.status !== 0) {
    console.error(`stoa: "${command} ${args.join(' ')}" failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
};

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const cacheDir = join(root, '.stoa-dev', `better-sqlite3-electron-${electronVersion}`);
const binding = join(cacheDir, 'build', 'Release', 'better_sqlite3.node');

if (!existsSync(binding)) {
  console.error(`Compiling better-sqlite3 for Electron ${electronVersion} (once)…`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const source = join(root, 'node_modules/better-sqlite3');
  cpSync(source, cacheDir, { recursive: true, filter: (src) => src !== join(source, 'build') });
  run(process.execPath, [nodeGypPath(), 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], { cwd: cacheDir });
}

function nodeGypPath() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    // npm ships its own node-gyp; use it when the project tree has none.
    return join(resolve(process.execPath, '..', '..'), 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  }
}

run('npx', ['electron-vite', 'build']);
const electron = require('electron'); // the path to the binary; downloaded on first use
run(typeof electron === 'string' ? electron : 'electron', ['.'], { env: { ...process.env, STOA_SQLITE_BINDING: binding } });
