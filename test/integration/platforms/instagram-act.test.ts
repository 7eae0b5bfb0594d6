// Instagram connector ↔ simulator over real HTTP: hide/unhide/delete, commit-then-drop reconciled
// by read-before-write, Meta throttling (codes 4/17/32/613, usage headers, no 429), token 190.
import { afterEach, describe, expect, it } from 'vitest';
import { actionReflected, type ActionRequest } from '../../../src/platforms/platform.ts';
import { createInstagramPlatform } from '../../../src/platforms/instagram/index.ts';
import { startInstagramRig, targetOf, visibleIds, type InstagramRig } from './instagramHarness.ts';

let rig: InstagramRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const req = (r: InstagramRig, id: string, action: ActionRequest['action']): ActionRequest => ({ action, target: targetOf(r.sim, id), idempotencyKey: `k-${action}-${id}` });

describe('Instagram moderation writes', () => {
  it('hides with a form-encoded POST hide=true, idempotently, and unhides with hide=false', async () => {
    rig = await startInstagramRig({ seedLimit: 40, mediaCount: 2 });
    const id = visibleIds(rig.sim)[0] ?? '';
    expect(await rig.platform.act(req(rig, id, 'remove'))).toMatchObject({ status: 'done', snapshot: { state: 'removed' } });
    expect(rig.sim.model.comments.get(id)?.hidden).toBe(true);
    expect((await rig.platform.act(req(rig, id, 'remove'))).status).toBe('done');
    const [call] = rig.requests();
    expect(call).toMatchObject({ method: 'POST', path: `/v21.0/${id}`, body: 'hide=true' });
    expect(call?.query.toString()).toBe('');
    expect((await rig.platform.act(req(rig, id, 'approve'))).status).toBe('done');
    expect(rig.sim.model.comments.get(id)?.hidden).toBe(false);
    expect(rig.sim.state().writes.map((w) => `${w.action}:${w.applied}`)).toEqual(['hide:true', 'hide:false', 'unhide:true']);
  });

  it('deletes for spam; deleting again is already done, and a deleted comment cannot be approved', async () => {
    rig = await startInstagramRig({ seedLimit: 40, mediaCount: 2 });
    const id = visibleIds(rig.sim)[1] ?? '';
    expect((await rig.platform.act(req(rig, id, 'spam'))).status).toBe('done');
    expect(rig.requests()[0]).toMatchObject({ method: 'DELETE', path: `/v21.0/${id}` });
    expect(await rig.platform.act(req(rig, id, 'spam'))).toMatchObject({ status: 'already_done', snapshot: { state: 'deleted' } });
    expect(await rig.platform.act(req(rig, id, 'remove'))).toMatchObject({ status: 'already_done' });
    expect(await rig.platform.act(req(rig, id, 'approve'))).toMatchObject({ status: 'permanent_failure', code: 'comment_not_found' });
    expect(await rig.platform.readState(targetOf(rig.sim, id))).toEqual({ status: 'not_found' });
    expect(await rig.platform.act(req(rig, id, 'ban'))).toMatchObject({ status: 'permanent_failure', code: 'unsupported_action' });
  });

  it('reconciles commit-then-drop by reading first: the hide was applied once', async () => {
    rig = await startInstagramRig({ seedLimit: 40, mediaCount: 2 });
    const id = visibleIds(rig.sim)[2] ?? '';
    rig.sims.faults.inject({ platform: 'instagram', method: 'POST', kind: 'commit_then_drop' });
    const outcome = await rig.platform.act(req(rig, id, 'remove'));
    expect(outcome).toMatchObject({ status: 'retry_after', ambiguous: true });
    const read = await rig.platform.readState(targetOf(rig.sim, id));
    if (read.status !== 'ok') throw new Error(read.status);
    expect(actionReflected('remove', read.snapshot)).toBe(true);
    expect(rig.sim.state().writes).toEqual([expect.objectContaining({ target: id, action: 'hide', applied: true })]);
  });

  it('treats 5xx on a write as ambiguous and on a read as a plain retry', async () => {
    rig = await startInstagramRig({ seedLimit: 40, mediaCount: 2 });
    const id = visibleIds(rig.sim)[3] ?? '';
    rig.sims.faults.inject({ platform: 'instagram', method: 'POST', kind: 'server_error', options: { format: 'graph' } });
    expect(await rig.platform.act(req(rig, id, 'remove'))).toMatchObject({ status: 'retry_after', ambiguous: true, seconds: 30 });
    rig.sims.faults.inject({ platform: 'instagram', method: 'GET', kind: 'server_error' });
    expect(await rig.platform.readState(targetOf(rig.sim, id))).toMatchObject({ status: 'retry_after', ambiguous: false });
  });
});

describe('Instagram throttling', () => {
  it.each([4, 17, 32, 613])('maps throttle code %i (HTTP 400/403, no 429) to retry_after from the usage estimate', async (code) => {
    rig = await startInstagramRig({ seedLimit: 40, mediaCount: 2 });
    rig.sims.faults.inject({ platform: 'instagram', kind: 'rate_limit', options: { code } });
    const outcome = await rig.platform.pull({ queue: 'comments', cursor: null });
    expect(outcome).toMatchObject({ status: 'retry_after', ambiguous: false, seconds: 60 });
    expect(rig.platform.usage()).toMatchObject({ percent: 100, regainMinutes: 1 });
  });

  it('sends nothing while throttled, then resumes once the wait is over', async () => {
    rig = await startInstagramRig({ seedLimit: 40, mediaCount: 2, callsPerHour: 5 });
    const ids = visibleIds(rig.sim);
    for (const id of ids.slice(0, 5)) expect((await rig.platform.act(req(rig, id, 'remove'))).status).toBe('done');
    expect(rig.platform.usage()?.percent).toBe(100);
    const throttled = await rig.platform.act(req(rig, ids[5] ?? '', 'remove'));
    expect(throttled).toMatchObject({ status: 'retry_after', ambiguous: false });
    const sent = rig.requests().length;
    expect(await rig.platform.act(req(rig, ids[5] ?? '', 'remove'))).toMatchObject({ status: 'retry_after' });
    expect(rig.requests().length).toBe(sent); // the client held back: no amplification
    expect(rig.sim.state().writes.filter((w) => w.target === ids[5])).toEqual([expect.objectContaining({ action: 'hide', applied: false })]);
    if (throttled.status !== 'retry_after') throw new Error('expected retry_after');
    rig.clock.set(new Date(Date.parse(throttled.at) + 1000));
    expect((await rig.platform.act(req(rig, ids[5] ?? '', 'remove'))).status).toBe('done');
  });

  it('backs off exponentially when Meta gives no estimate', async () => {
    rig = await startInstagramRig({ seedLimit: 40, mediaCount: 2 });
    const seconds: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      rig.sims.faults.inject({ platform: 'instagram', kind: 'rate_limit', options: { code: 613, usage: false } });
      const outcome = await rig.platform.pull({ queue: 'comments', cursor: null });
      if (outcome.status !== 'retry_after') throw new Error(outcome.status);
      seconds.push(outcome.seconds);
      rig.clock.advance(outcome.seconds * 1000);
    }
    expect(seconds).toEqual([60, 120, 240]);
  });
});

describe('Instagram tokens', () => {
  it('asks for reauth on error 190, and without a call once the token is past its expiry', async () => {
    rig = await startInstagramRig({ seedLimit: 20, mediaCount: 1 });
    rig.sims.faults.inject({ platform: 'instagram', kind: 'token_expired' });
    expect(await rig.platform.pull({ queue: 'comments', cursor: null })).toMatchObject({ status: 'reauth' });
    rig.clock.advance(61 * 86_400_000);
    const sent = rig.requests().length;
    expect(await rig.platform.pull({ queue: 'comments', cursor: null })).toMatchObject({ status: 'reauth' });
    expect(rig.requests().length).toBe(sent);
  });

  it('maps a server-side 190/463 to reauth when the account does not know its expiry', async () => {
    rig = await startInstagramRig({ seedLimit: 20, mediaCount: 1 });
    const creds = rig.config.credentials;
    if (creds.kind !== 'access_token') throw new Error('expected an access token');
    const platform = createInstagramPlatform({ ...rig.config, credentials: { kind: 'access_token', accessToken: creds.accessToken } });
    rig.sim.tokens.expireAll();
    expect(await platform.pull({ queue: 'comments', cursor: null })).toMatchObject({ status: 'reauth' });
  });

  it('refreshes a long-lived token near expiry and persists it before using it', async () => {
    rig = await startInstagramRig({ seedLimit: 20, mediaCount: 1 });
    const r = rig;
    const seenAtSave: number[] = [];
    const platform = createInstagramPlatform({ ...r.config, credentialStore: { save: async (c) => { r.saved.push(c); seenAtSave.push(r.requests().length); } } });
    r.clock.advance(54 * 86_400_000); // 56 days old: 4 days left
    expect(await platform.auth.verify()).toMatchObject({ status: 'ok', info: { identity: 'stoa.demo.shop' } });
    const log = r.requests();
    expect(log.map((q) => q.path)).toEqual(['/refresh_access_token', `/v21.0/${r.sim.model.igUserId}`]);
    expect(seenAtSave).toEqual([1]); // saved after the refresh, before the API call
    const next = r.saved[0];
    expect(next?.kind === 'access_token' ? log[1]?.authorization : null).toBe(`Bearer ${next?.kind === 'access_token' ? next.accessToken : ''}`);
  });
});
