// Scheduling against a real workspace and the Instagram simulator over HTTP, with the clock and the
// scheduler's timers under the test's control: a post goes out at its time (and not before, not even
// through a sync), a time that passed while the app was closed or asleep becomes missed and waits for
// a person, unscheduling stops it, a post that stopped passing fails with the reason, and a post is
// queued once whatever restarts or second processes there are.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow, createClient, type StoaClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { openBackend, type Backend } from '../../../src/backend/openBackend.ts';
import { initDemoAccounts } from '../../../src/backend/sync/demo.ts';
import type { RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { listPublishJobs } from '../../../src/store/publishJobs.ts';
import { fakeTime, type FakeTime } from '../../support/fakeTime.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { photo } from '../media/images.ts';
import { published, startInstagram } from '../publish/harness.ts';

const MINUTE = 60_000;
const tempDir = useTempDir('stoa-schedule-');
let sim: RunningSimulators;
let image: string;

beforeAll(async () => {
  sim = await startInstagram('post-schedule');
  image = (await photo(1080, 1350)).toString('base64');
});
afterAll(async () => {
  await sim.close();
});

interface Opened {
  readonly backend: Backend;
  readonly client: StoaClient;
}

function open(dataDir: string, time: FakeTime): Opened {
  const backend = openBackend({ dataDir, host: 'in-process', clock: time.clock, modelsDir: join(dataDir, 'no-models'), scheduler: { timers: time.timers } });
  return { backend, client: createClient(inProcessTransport(backend.handlers, backend.events)) };
}

/** A workspace with the simulator's Instagram account and one valid post; returns the post's id. */
async function workspaceWithPost(dataDir: string, time: FakeTime, caption: string): Promise<Opened & { postId: string }> {
  const ws = open(dataDir, time);
  const added = await initDemoAccounts(ws.backend.context, sim.url);
  if (!added.ok) throw new Error(added.error.message);
  const asset = await callOrThrow(ws.client, 'media.import', { name: 'look.jpg', dataBase64: image });
  const { post, check } = await callOrThrow(ws.client, 'posts.create', { content: { targets: ['instagram'], caption, media: [{ assetId: asset.asset.id }] } });
  expect(check.ok, JSON.stringify(check.violations)).toBe(true);
  return { ...ws, postId: post.id };
}

const isoIn = (time: FakeTime, ms: number) => new Date(time.clock.now().getTime() + ms).toISOString();
const captionsOnInstagram = () => published(sim).map((m) => m.caption);

describe('post scheduling', () => {
  it('publishes at its time while the app runs, and neither a sync nor the minute before sends it', { timeout: 60_000 }, async () => {
    const time = fakeTime();
    const ws = await workspaceWithPost(join(tempDir(), 'w'), time, 'Morning light on the balcony, at its time.');
    const at = isoIn(time, 10 * MINUTE);
    const scheduled = await callOrThrow(ws.client, 'posts.schedule', { id: ws.postId, at });
    expect(scheduled).toMatchObject({ state: 'scheduled', scheduledAt: at });

    time.advance(9 * MINUTE);
    await ws.backend.sync.syncNow();
    expect((await callOrThrow(ws.client, 'posts.get', { id: ws.postId })).state).toBe('scheduled');
    expect(listPublishJobs(ws.backend.context.db, ws.postId)).toHaveLength(0);
    expect(captionsOnInstagram()).not.toContain('Morning light on the balcony, at its time.');

    time.advance(1 * MINUTE);
    // The scheduler queued it and started a sync; this joins that sync.
    await ws.backend.sync.syncNow();
    const done = await callOrThrow(ws.client, 'posts.get', { id: ws.postId });
    const media = published(sim).find((m) => m.caption === 'Morning light on the balcony, at its time.');
    expect(done.state).toBe('published');
    expect(done.permalink).toBe(media?.permalink);
    expect(listPublishJobs(ws.backend.context.db, ws.postId)).toHaveLength(1);
    await ws.backend.close();
  });

  it('marks a time that passed while the app was closed as missed, and publishes it only when asked', { timeout: 60_000 }, async () => {
    const time = fakeTime();
    const dataDir = join(tempDir(), 'w');
    const first = await workspaceWithPost(dataDir, time, 'Closed-app post, published when asked.');
    const at = isoIn(time, 5 * MINUTE);
    await callOrThrow(first.client, 'posts.schedule', { id: first.postId, at });
    await first.backend.close();

    time.sleep(60 * MINUTE);
    const again = open(dataDir, time);
    const missed = await callOrThrow(again.client, 'posts.get', { id: first.postId });
    expect(missed).toMatchObject({ state: 'missed', scheduledAt: at });
    expect((await callOrThrow(again.client, 'posts.list', { state: 'missed' })).posts.map((p) => p.id)).toEqual([first.postId]);
    await again.backend.sync.syncNow();
    expect(captionsOnInstagram()).not.toContain('Closed-app post, published when asked.');
    expect(listPublishJobs(again.backend.context.db, first.postId)).toHaveLength(0);

    const queued = await callOrThrow(again.client, 'posts.resolveMissed', { id: first.postId, choice: 'publish_now' });
    expect(queued.state).toBe('publishing');
    await again.backend.sync.syncNow();
    expect(await callOrThrow(again.client, 'posts.get', { id: first.postId })).toMatchObject({ state: 'published', permalink: expect.stringMatching(/^https:/) });
    expect(captionsOnInstagram().filter((c) => c === 'Closed-app post, published when asked.')).toHaveLength(1);
    await again.backend.close();
  });

  it('marks a time slept through as missed; a missed post can get a new time or go back to editing', { timeout: 60_000 }, async () => {
    const time = fakeTime();
    const ws = await workspaceWithPost(join(tempDir(), 'w'), time, 'Slept-through post.');
    await callOrThrow(ws.client, 'posts.schedule', { id: ws.postId, at: isoIn(time, 2 * MINUTE) });
    time.sleep(3 * 60 * MINUTE);
    expect((await callOrThrow(ws.client, 'posts.get', { id: ws.postId })).state).toBe('missed');

    const refused = await ws.client.call('posts.resolveMissed', { id: ws.postId, choice: 'reschedule', at: isoIn(time, -MINUTE) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/already passed/) } });
    const newTime = isoIn(time, 30 * MINUTE);
    expect(await callOrThrow(ws.client, 'posts.resolveMissed', { id: ws.postId, choice: 'reschedule', at: newTime })).toMatchObject({ state: 'scheduled', scheduledAt: newTime });

    time.sleep(60 * MINUTE);
    expect((await callOrThrow(ws.client, 'posts.get', { id: ws.postId })).state).toBe('missed');
    expect(await callOrThrow(ws.client, 'posts.resolveMissed', { id: ws.postId, choice: 'back_to_draft' })).toMatchObject({ state: 'valid', scheduledAt: null });
    const notMissed = await ws.client.call('posts.resolveMissed', { id: ws.postId, choice: 'publish_now' });
    expect(notMissed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(listPublishJobs(ws.backend.context.db, ws.postId)).toHaveLength(0);
    await ws.backend.close();
  });

  it('unschedules: the time passes and nothing is queued; a draft or a past time is refused', { timeout: 60_000 }, async () => {
    const time = fakeTime();
    const ws = await workspaceWithPost(join(tempDir(), 'w'), time, 'Unscheduled post.');
    await callOrThrow(ws.client, 'posts.schedule', { id: ws.postId, at: isoIn(time, 10 * MINUTE) });
    expect(await callOrThrow(ws.client, 'posts.unschedule', { id: ws.postId })).toMatchObject({ state: 'valid', scheduledAt: null });
    time.advance(20 * MINUTE);
    expect((await callOrThrow(ws.client, 'posts.get', { id: ws.postId })).state).toBe('valid');
    expect(listPublishJobs(ws.backend.context.db, ws.postId)).toHaveLength(0);

    const past = await ws.client.call('posts.schedule', { id: ws.postId, at: isoIn(time, -1000) });
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/already passed/) } });
    await callOrThrow(ws.client, 'posts.update', { id: ws.postId, content: { caption: 'x'.repeat(2201) } });
    const draft = await ws.client.call('posts.schedule', { id: ws.postId, at: isoIn(time, MINUTE) });
    expect(draft).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Only a valid post can be scheduled/) } });
    const notScheduled = await ws.client.call('posts.unschedule', { id: ws.postId });
    expect(notScheduled).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await ws.backend.close();
  });

  it('keeps the time through autosaves, and fails a post that no longer passes at its time, with the reason', { timeout: 60_000 }, async () => {
    const time = fakeTime();
    const ws = await workspaceWithPost(join(tempDir(), 'w'), time, 'Edited while scheduled.');
    const at = isoIn(time, 10 * MINUTE);
    await callOrThrow(ws.client, 'posts.schedule', { id: ws.postId, at });
    // The composer's autosave sends its whole draft, scheduledAt included (null there).
    const saved = await callOrThrow(ws.client, 'posts.update', { id: ws.postId, content: { caption: 'Edited while scheduled, still fine.', scheduledAt: null } });
    expect(saved.post).toMatchObject({ state: 'scheduled', scheduledAt: at });
    // Another writer (another device's copy, an older Stoa) left a caption over Instagram's limit.
    ws.backend.context.db.prepare('UPDATE posts SET caption = ? WHERE id = ?').run('y'.repeat(2201), ws.postId);

    time.advance(10 * MINUTE);
    const failed = await callOrThrow(ws.client, 'posts.get', { id: ws.postId });
    expect(failed.state).toBe('failed');
    expect(failed.failure).toMatch(/^Not published at its time: .*instagram\.caption/);
    expect(listPublishJobs(ws.backend.context.db, ws.postId)).toHaveLength(0);
    const retry = await ws.client.call('posts.publish', { id: ws.postId });
    expect(retry).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/does not pass its checks/) } });
    await ws.backend.close();
  });

  it('queues a post once: two processes at its time, then a restart before the sync', { timeout: 60_000 }, async () => {
    const time = fakeTime();
    const dataDir = join(tempDir(), 'w');
    const ws = await workspaceWithPost(dataDir, time, 'Queued exactly once.');
    // Offline: what is queued stays queued, so the restart happens with the publish still pending.
    ws.backend.sync.setOffline(true);
    const second = open(dataDir, time);
    await callOrThrow(ws.client, 'posts.schedule', { id: ws.postId, at: isoIn(time, 5 * MINUTE) });
    second.backend.scheduler.poke();

    time.advance(5 * MINUTE);
    expect((await callOrThrow(ws.client, 'posts.get', { id: ws.postId })).state).toBe('publishing');
    expect(listPublishJobs(ws.backend.context.db, ws.postId)).toHaveLength(1);
    await second.backend.close();
    await ws.backend.close();

    time.advance(10 * MINUTE);
    const restarted = open(dataDir, time);
    time.advance(5 * MINUTE);
    expect(listPublishJobs(restarted.backend.context.db, ws.postId)).toHaveLength(1);
    restarted.backend.sync.setOffline(false);
    await restarted.backend.sync.syncNow();
    expect((await callOrThrow(restarted.client, 'posts.get', { id: ws.postId })).state).toBe('published');
    expect(captionsOnInstagram().filter((c) => c === 'Queued exactly once.')).toHaveLength(1);
    await restarted.backend.close();
  });
});
