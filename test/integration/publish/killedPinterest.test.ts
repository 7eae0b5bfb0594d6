// Crash-safe Pinterest publishing: three posts (one a carousel) queued for Pinterest, `stoa sync`
// SIGKILLed while a job has marked its POST /pins as sent — the simulator commits each pin at once
// and answers slowly, so the kill lands after the pin exists and before Stoa knows it — with a
// dropped create and failing board reads scripted on top, then clean runs. In the end every post is
// published and Pinterest holds each pin exactly once (GET /__sim/state).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow, createClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { openBackend } from '../../../src/backend/openBackend.ts';
import { createPinterestSimulator } from '../../../src/platforms/pinterest/simulator.ts';
import { startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { STOA_BIN } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openPublishWorkspace } from './harness.ts';

const POSTS = 3;
const KILLS = 4;

const tempDir = useTempDir('stoa-killed-pins-');
let sim: RunningSimulators;
beforeAll(async () => {
  sim = await startSimulators({ seed: 'killed-pins', faultRate: 0, simulators: { pinterest: (context) => createPinterestSimulator(context, { creatorCount: 0, createReplyDelayMs: 400 }) } });
});
afterAll(async () => {
  await sim.close();
});

const SENT = "state = 'sending' AND json_extract(progress, '$.createSent') = 1";

function sync(dataDir: string, kill: boolean): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [STOA_BIN, 'sync', '--data-dir', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const watcher = kill ? new Database(join(dataDir, 'workspace.sqlite'), { readonly: true, fileMustExist: true }) : null;
    const due = watcher?.prepare(`SELECT COUNT(*) FROM publish_jobs WHERE ${SENT}`).pluck();
    // Kill a little after the create was marked sent, so the request has reached the simulator.
    let seenAt = 0;
    const watch = due
      ? setInterval(() => {
          if ((due.get() as number) === 0) return;
          seenAt ||= Date.now();
          if (Date.now() - seenAt >= 150) child.kill('SIGKILL');
        }, 5)
      : null;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (watch) clearInterval(watch);
      watcher?.close();
      resolve({ killed: signal === 'SIGKILL', stderr });
    });
  });
}

function openJobs(dataDir: string): number {
  const db = openDatabase(join(dataDir, 'workspace.sqlite'));
  try {
    return db.prepare("SELECT COUNT(*) FROM publish_jobs WHERE state IN ('pending', 'sending')").pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('stoa sync killed while publishing to Pinterest', () => {
  it('publishes each pin exactly once', { timeout: 240_000 }, async () => {
    const dataDir = tempDir();
    const ws = await openPublishWorkspace(dataDir, sim, POSTS + 1);
    const captions = Array.from({ length: POSTS }, (_, i) => `#ad Pin ${i + 1} of the week: linen and a speckled mug.`);
    const ids: string[] = [];
    for (const [i, caption] of captions.entries()) {
      const media = i === 0 ? [ws.assets[0] as string, ws.assets[1] as string] : [ws.assets[i + 1] as string];
      const { post, check } = await callOrThrow(ws.client, 'posts.create', { content: { targets: ['pinterest'], caption, title: `Look ${i + 1}`, link: `https://shop.example.com/looks/${i + 1}`, media: media.map((assetId) => ({ assetId })), productTags: [] } });
      if (!check.ok) throw new Error(`post not valid: ${JSON.stringify(check.violations)}`);
      await callOrThrow(ws.client, 'posts.publish', { id: post.id });
      ids.push(post.id);
    }
    ws.close();
    sim.faults.inject({ platform: 'pinterest', method: 'POST', path: '/v5/pins', kind: 'commit_then_drop', times: 1 });
    sim.faults.inject({ platform: 'pinterest', method: 'GET', path: /^\/v5\/boards\/\d+\/pins$/, kind: 'server_error', times: 2 });

    let kills = 0;
    for (let i = 0; i < KILLS && openJobs(dataDir) > 0; i += 1) {
      const run = await sync(dataDir, true);
      if (run.killed) kills += 1;
      else expect(run.stderr).not.toMatch(/Error:/);
    }
    expect(kills).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 4 && openJobs(dataDir) > 0; i += 1) expect((await sync(dataDir, false)).killed).toBe(false);
    expect(openJobs(dataDir)).toBe(0);

    const out = (sim.state().platforms['pinterest']?.published ?? []) as { caption: string; permalink: string; children: unknown[] }[];
    expect(out.map((p) => p.caption).sort()).toEqual([...captions].sort());
    expect(out.find((p) => p.caption === captions[0])?.children).toHaveLength(2);
    const backend = openBackend({ dataDir, host: 'in-process', modelsDir: join(dataDir, 'no-models') });
    try {
      const client = createClient(inProcessTransport(backend.handlers, backend.events));
      for (const [i, id] of ids.entries()) {
        const post = await callOrThrow(client, 'posts.get', { id });
        expect(post).toMatchObject({ state: 'published', permalink: out.find((p) => p.caption === captions[i])?.permalink });
      }
    } finally {
      backend.close();
    }
    const creates = sim.requests('pinterest').filter((r) => r.method === 'POST' && r.path === '/v5/pins').length;
    process.stderr.write(`killed-pinterest: ${kills} kills, ${creates} POST /pins, ${out.length} pins\n`);
    expect(sim.faults.pending()).toEqual([]);
  });
});
