// `stoa accounts add --platform pinterest` against the Pinterest simulator in a child process: the
// OAuth credentials and default board are accepted, `accounts test` refreshes the token and names
// the Pinterest user, `stoa pinterest boards` lists the boards, and a Meta-style access token is
// refused with a sentence saying what to use.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPinterestSimulator } from '../../../src/platforms/pinterest/simulator.ts';
import { startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
let sim: RunningSimulators | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe('stoa accounts with Pinterest', () => {
  it('adds and tests a Pinterest account; refuses the wrong kind of credentials', { timeout: 90_000 }, async () => {
    sim = await startSimulators({ seed: 'cli-pin', simulators: { pinterest: (context) => createPinterestSimulator(context, { creatorCount: 0 }) } });
    const demo = sim.accounts()['pinterest'];
    if (!demo || demo.credentials.kind !== 'oauth2') throw new Error('pinterest simulator account missing');
    const dir = tempDir();
    const creds = join(dir, 'pinterest.json');
    writeFileSync(creds, JSON.stringify(demo.credentials));
    const board = demo.options?.['boardId'] ?? '';
    const added = await runCli(['accounts', 'add', '--data-dir', dir, '--platform', 'pinterest', '--base-url', demo.baseUrl, '--auth-base-url', demo.baseUrl, '--option', `boardId=${board}`, '--credentials-file', creds, '--json']);
    expect(added.code, added.stderr + added.stdout).toBe(0);
    const account = JSON.parse(added.stdout) as { id: string; platform: string; credentialKind: string; options: Record<string, string> };
    expect(account).toMatchObject({ platform: 'pinterest', credentialKind: 'oauth2', options: { boardId: board } });
    const tested = await runCli(['accounts', 'test', account.id, '--data-dir', dir, '--json']);
    expect(tested.code, tested.stderr).toBe(0);
    expect(JSON.parse(tested.stdout)).toMatchObject({ ok: true, identity: 'stoa.demo.pins' });
    expect(added.stdout + tested.stdout + tested.stderr).not.toContain(demo.credentials.refreshToken);
    const boards = await runCli(['pinterest', 'boards', '--data-dir', dir, '--json']);
    expect(boards.code, boards.stderr).toBe(0);
    expect(JSON.parse(boards.stdout)).toMatchObject({ accountId: account.id, defaultBoardId: board, boards: [{ id: board, name: 'Shop the look' }, { name: 'Behind the scenes' }] });
    const noPost = await runCli(['pinterest', 'board', 'nope', board, '--data-dir', dir]);
    expect(noPost.code).not.toBe(0);
    expect(noPost.stderr).toMatch(/There is no post with id nope\./);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ kind: 'access_token', accessToken: 'x' }));
    const refused = await runCli(['accounts', 'add', '--data-dir', dir, '--platform', 'pinterest', '--base-url', demo.baseUrl, '--credentials-file', wrong]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/A pinterest account signs in with oauth2 credentials, not access_token/);
  });
});
