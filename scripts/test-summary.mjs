#!/usr/bin/env node
// Prints CI's closing lines from vitest's JSON reports: "tests: N passed, N failed, N skipped".
// With no arguments it reads test-results/. Given several runs as "label=dir" it prints one line
// per run and then the total line; it exits 1 when any run failed or lacks a report, because a
// report that is missing means its stage (unit or e2e) never ran.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runs = (process.argv.length > 2 ? process.argv.slice(2) : ['=test-results']).map((arg) => {
  const at = arg.lastIndexOf('=');
  return at < 0 ? { label: arg, dir: resolve(root, arg) } : { label: arg.slice(0, at), dir: resolve(root, arg.slice(at + 1)) };
});

function count(dir) {
  const tally = { passed: 0, failed: 0, skipped: 0, missing: [] };
  for (const name of ['unit.json', 'e2e.json']) {
    const file = join(dir, name);
    if (!existsSync(file)) {
      tally.missing.push(name);
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    tally.passed += report.numPassedTests ?? 0;
    // A suite that failed to load has no failed tests of its own; count it so the line never hides it.
    const failedTests = report.numFailedTests ?? 0;
    tally.failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
    tally.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  return tally;
}

const line = (t) => `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
const total = { passed: 0, failed: 0, skipped: 0, missing: [] };
for (const run of runs) {
  const t = count(run.dir);
  if (runs.length > 1) console.log(`tests (${run.label}): ${line(t)}${t.missing.length ? `; no ${t.missing.join(' or ')} report` : ''}`);
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
  total.missing.push(...t.missing.map((name) => `${run.label ? `${run.label}/` : ''}${name}`));
}
if (runs.length === 1 && total.missing.length > 0) console.log(`no ${total.missing.join(' or ')} report: that stage did not run`);
console.log(`tests: ${line(total)}`);
process.exit(total.failed > 0 || total.missing.length > 0 ? 1 : 0);
