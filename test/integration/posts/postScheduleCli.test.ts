// `stoa post schedule ID --at TIME` and `stoa post unschedule ID` with --json print the post's state
// and scheduledAt; a past or zone-less time is refused; `stoa sync` does not send a scheduled post
// early (and does not count it as waiting), but lists a queued publish it could not send and exits 3.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import type { RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openPublishWorkspace, published, startInstagram } from '../publish/harness.ts';

const tempDir = useTempDir('stoa-schedule-cli-');
let sim: RunningSimulators;
beforeAll(async () => {
  sim = await startInstagram('schedule-cli');
});
afterAll(async () => {
  await sim.close();
});

async function workspaceWithValidPost(sims: RunningSimulators, caption: string): Promise<{ dataDir: string; id: string }> {
  const dataDir = join(tempDir(), 'workspace');
  const ws = await openPublishWorkspace(dataDir, sims, 1);
  const { post, check } = await callOrThrow(ws.client, 'posts.create', { content: { targets: ['instagram'], caption, media: [{ assetId: ws.assets[0] as string }] } });
  expect(check.ok).toBe(true);
  ws.close();
  return { dataDir, id: post.id };
}

describe('stoa post schedule / unschedule', () => {
  it('schedules and unschedules with --json, refuses bad times, and sync leaves a scheduled post alone', { timeout: 120_000 }, async () => {
    const { dataDir, id } = await workspaceWithValidPost(sim, 'Scheduled from the terminal.');
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await runCli(['post', 'schedule', id, '--at', at, '--data-dir', dataDir, '--json']);
    expect(scheduled.stderr).toBe('');
    expect(scheduled.code).toBe(0);
    expect(JSON.parse(scheduled.stdout)).toEqual({ id, state: 'scheduled', scheduledAt: at });

    const synced = await runCli(['sync', '--data-dir', dataDir, '--json'], { timeoutMs: 60_000 });
    expect(synced.code).toBe(0);
    expect((JSON.parse(synced.stdout) as { remaining: number }).remaining).toBe(0);
    expect(published(sim).map((m) => m.caption)).not.toContain('Scheduled from the terminal.');

    const past = await runCli(['post', 'schedule', id, '--at', '2020-01-01T00:00:00Z', '--data-dir', dataDir]);
    expect(past.code).not.toBe(0);
    expect(past.stderr).toMatch(/already passed/);
    const noZone = await runCli(['post', 'schedule', id, '--at', '2030-01-01T10:00', '--data-dir', dataDir]);
    expect(noZone.code).not.toBe(0);
    expect(noZone.stderr).toMatch(/not an ISO 8601 time with a zone/);

    const unscheduled = await runCli(['post', 'unschedule', id, '--data-dir', dataDir, '--json']);
    expect(unscheduled.code).toBe(0);
    expect(JSON.parse(unscheduled.stdout)).toEqual({ id, state: 'valid', scheduledAt: null });
  });

  it('stoa sync lists a publish still queued (offline) as waiting and exits 3, then sends it', { timeout: 120_000 }, async () => {
    const { dataDir, id } = await workspaceWithValidPost(sim, 'Queued while offline.');
    expect((await runCli(['sync', '--offline', '--data-dir', dataDir])).code).toBe(0);
    expect((await runCli(['post', 'publish', id, '--data-dir', dataDir])).code).toBe(0);
    const waiting = await runCli(['sync', '--data-dir', dataDir, '--json'], { timeoutMs: 60_000 });
    expect(waiting.code).toBe(3);
    const summary = JSON.parse(waiting.stdout) as { remaining: number; waiting: unknown[] };
    expect(summary.remaining).toBe(1);
    expect(summary.waiting).toEqual([expect.objectContaining({ platform: 'instagram', count: 1, kind: 'publish', reason: '1 post to publish' })]);

    const sent = await runCli(['sync', '--online', '--data-dir', dataDir, '--json'], { timeoutMs: 60_000 });
    expect(sent.code).toBe(0);
    expect((JSON.parse(sent.stdout) as { remaining: number }).remaining).toBe(0);
    expect(published(sim).map((m) => m.caption)).toContain('Queued while offline.');
  });
});
