// Recorded real Reddit traffic (PRAW cassettes, test/fixtures/platforms/reddit) as golden
// fixtures: the mapper must read every recorded listing, the connector's requests must match what
// real Reddit accepted (a replay server answers only recorded requests), and the simulator must
// speak the same shapes.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionTarget, Platform } from '../../../src/platforms/platform.ts';
import { createRedditPlatform } from '../../../src/platforms/reddit/index.ts';
import { parseListing, toPullPage } from '../../../src/platforms/reddit/map.ts';
import { createRedditSimulator } from '../../../src/platforms/reddit/simulator.ts';
import { createVirtualClock } from '../../../src/platforms/sim/index.ts';
import { startHarness } from './simHarness.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/platforms/reddit/cassettes');

interface Interaction {
  request: { method: string; uri: string; body: string | null | Record<string, never>; headers: Record<string, string[]> };
  response: { status: { code: number }; headers: Record<string, string[]>; body: { string: string } };
}
const cassette = (name: string): Interaction[] => (JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as { interactions: Interaction[] }).interactions;
const LISTINGS = readdirSync(dir).filter((file) => /test_(modqueue|reports|spam|unmoderated)/.test(file)).map((file) => file.replace(/\.json$/, ''));

/** Path without host or trailing slash, query without raw_json (PRAW adds it everywhere), booleans lower-cased. */
function normalise(uri: string, body: string): { path: string; params: Record<string, string> } {
  const url = new URL(uri, 'https://oauth.reddit.com');
  const params: Record<string, string> = {};
  for (const [key, value] of [...url.searchParams, ...new URLSearchParams(body)]) {
    if (key !== 'raw_json') params[key] = /^(true|false)$/i.test(value) ? value.toLowerCase() : value;
  }
  return { path: decodeURIComponent(url.pathname).replace(/\/+$/, ''), params };
}

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

/** Serves a cassette: the token endpoint, then each recorded request once, in any order. */
async function replay(interactions: Interaction[]): Promise<{ url: string; mismatches: string[]; unused: () => string[] }> {
  const [token, ...rest] = interactions;
  const pending = [...rest];
  const mismatches: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const ours = normalise(request.url ?? '/', body);
      const answer = (recorded: Interaction['response']) => {
        const headers: Record<string, string> = {};
        for (const [key, values] of Object.entries(recorded.headers)) if (/^(content-type|x-ratelimit-)/i.test(key) && values[0]) headers[key.toLowerCase()] = values[0];
        response.writeHead(recorded.status.code, headers).end(recorded.body.string);
      };
      if (ours.path === '/api/v1/access_token' && token) {
        // We refresh where PRAW's recordings log in with a password; the reply shape is the same.
        if (ours.params['grant_type'] !== 'refresh_token') mismatches.push(`token grant ${ours.params['grant_type']}`);
        return answer(token.response);
      }
      if (request.headers.authorization !== 'bearer <ACCESS_TOKEN>') mismatches.push(`authorization ${request.headers.authorization}`);
      const index = pending.findIndex((candidate) => {
        const recorded = normalise(candidate.request.uri, typeof candidate.request.body === 'string' ? candidate.request.body : '');
        return candidate.request.method === request.method && recorded.path === ours.path && JSON.stringify(Object.entries(recorded.params).sort()) === JSON.stringify(Object.entries(ours.params).sort());
      });
      const match = pending[index];
      if (!match) {
        mismatches.push(`${request.method} ${ours.path} ${JSON.stringify(ours.params)}`);
        return response.writeHead(599).end();
      }
      pending.splice(index, 1);
      answer(match.response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, mismatches, unused: () => pending.map((entry) => `${entry.request.method} ${entry.request.uri}`) };
}

function connector(url: string): Platform {
  return createRedditPlatform({
    baseUrl: url,
    credentials: { kind: 'oauth2', clientId: 'id', clientSecret: 'secret', refreshToken: 'rt' },
    credentialStore: { save: async () => undefined },
    userAgent: 'desktop:stoa-tests:0.1',
    fetch,
    clock: createVirtualClock(new Date('2016-12-17T09:43:41Z')),
    options: { subreddit: '<TEST_SUBREDDIT>' },
  });
}

const SUB = { remoteId: 't5_2t5o6', name: '<TEST_SUBREDDIT>' };
const target = (remoteId: string, author = '<USERNAME>'): ActionTarget => ({ remoteId, kind: remoteId.startsWith('t3_') ? 'post' : 'comment', community: SUB, author: { remoteId: author, name: author }, version: null });

describe('reddit golden: recorded listings map cleanly', () => {
  it.each(LISTINGS)('%s', (name) => {
    const listing = cassette(name).find((entry) => entry.request.method === 'GET');
    const body = JSON.parse(listing?.response.body.string ?? 'null') as { data: { children: unknown[]; after: string | null } };
    const parsed = parseListing(body);
    if (!parsed.ok) throw new Error(parsed.error);
    const page = toPullPage(parsed);
    expect(page.quarantined).toEqual([]);
    expect(page.items).toHaveLength(body.data.children.length);
    expect(page.nextCursor).toBe(body.data.after);
    for (const item of page.items) {
      expect(item.kind === 'post' ? item.title : item.parentRemoteId).toBeTruthy();
      expect(item.url).toMatch(/^https:\/\//);
    }
    if (name.includes('test_reports')) expect(page.items.every((item) => item.reports.length > 0)).toBe(true);
    // The spam listing holds removed things and things the filter caught (banned_by: true).
    if (name.includes('test_spam')) expect(page.items.every((item) => item.remoteState === 'removed' || item.reports.some((r) => r.source === 'automatic'))).toBe(true);
    if (name.includes('test_unmoderated')) expect(page.items.every((item) => item.kind === 'post' && item.remoteState === 'open')).toBe(true);
  });
});

describe('reddit golden: the connector sends what real Reddit accepted', () => {
  it.each([
    ['TestSubredditModeration.test_modqueue', 'modqueue'],
    ['TestSubredditModeration.test_reports', 'reports'],
    ['TestSubredditModeration.test_spam', 'spam'],
    ['TestSubredditModeration.test_unmoderated', 'unmoderated'],
  ] as const)('%s', async (name, queue) => {
    const server = await replay(cassette(name));
    const outcome = await connector(server.url).pull({ queue, cursor: null, limit: 100 });
    expect(server.mismatches).toEqual([]);
    expect(server.unused()).toEqual([]);
    if (outcome.status !== 'ok') throw new Error(JSON.stringify(outcome));
    const recorded = JSON.parse(cassette(name)[1]?.response.body.string ?? '{}') as { data: { children: unknown[] } };
    expect(outcome.page.items).toHaveLength(recorded.data.children.length);
  });

  it.each([
    ['TestCommentModeration.test_approve', 'approve', 't1_da2g5y6'],
    ['TestSubmissionModeration.test_approve', 'approve', 't3_4b536h'],
    ['TestCommentModeration.test_ignore_reports', 'ignore_reports', 't1_da2g5y6'],
    ['TestSubmissionModeration.test_ignore_reports', 'ignore_reports', 't3_31ybt2'],
    // PRAW's remove() defaulted to spam=True; our "spam" action is that request.
    ['TestCommentModeration.test_remove', 'spam', 't1_da2g5y6'],
    ['TestSubmissionModeration.test_remove', 'spam', 't3_4b536h'],
    ['TestCommentModeration.test_remove_with_reason_id', 'remove', 't1_f3dm3b7'],
  ] as const)('%s as %s', async (name, action, id) => {
    const server = await replay(cassette(name));
    const outcome = await connector(server.url).act({ action, target: target(id), idempotencyKey: name });
    expect(server.mismatches).toEqual([]);
    expect(outcome).toEqual({ status: 'done', snapshot: null });
  });

  it('TestSubredditRelationships.test_banned: ban via /r/{sub}/api/friend, {"json":{"errors":[]}} is success', async () => {
    const server = await replay(cassette('TestSubredditRelationships.test_banned'));
    const outcome = await connector(server.url).act({ action: 'ban', target: target('t3_4b536h', 'pyapitestuser3'), idempotencyKey: 'ban' });
    expect(server.mismatches).toEqual([]);
    expect(outcome).toEqual({ status: 'done', snapshot: null });
  });
});

describe('reddit golden: the simulator speaks the recorded shapes', () => {
  it('things carry every field the recordings carry; replies and rate headers match', async () => {
    const h = await startHarness('reddit', createRedditSimulator());
    try {
      const recorded = JSON.parse(cassette('TestSubredditModeration.test_modqueue')[1]?.response.body.string ?? '{}') as { data: { children: { kind: string; data: Record<string, unknown> }[] } };
      const outcome = await h.platform.pull({ queue: 'modqueue', cursor: null, limit: 100 });
      if (outcome.status !== 'ok') throw new Error(JSON.stringify(outcome));
      for (const kind of ['t1', 't3'] as const) {
        const real = recorded.data.children.find((child) => child.kind === kind)?.data ?? {};
        const ours = (outcome.page.items.find((item) => (item.raw as { kind: string }).kind === kind)?.raw as { data: Record<string, unknown> }).data;
        expect(Object.keys(real).filter((key) => !(key in ours)), kind).toEqual([]);
      }
      const item = outcome.page.items[0];
      if (!item) throw new Error('empty modqueue');
      await h.platform.act({ action: 'approve', target: { ...target(item.remoteId), community: item.community, author: item.author }, idempotencyKey: 'a' });
      const approve = h.sim.requests('reddit').find((request) => request.path === '/api/approve');
      expect(approve).toBeDefined();
      const reply = await fetch(`${h.sim.url}/reddit/r/mod/about/spam?limit=1`, { headers: { authorization: h.sim.requests('reddit').at(-1)?.headers['authorization'] ?? '' } });
      expect(reply.headers.get('x-ratelimit-remaining')).toMatch(/^\d+\.0$/);
      expect(Number(reply.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
      expect(Number(reply.headers.get('x-ratelimit-used'))).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  });
});
