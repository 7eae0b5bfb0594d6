import { once } from 'node:events';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';
import pkg from '../../../package.json' with { type: 'json' };

const tempDir = useTempDir();

describe('stoa CLI', () => {
  it('prints its version and help', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toBe(pkg.version);
    const help = await runCli(['--help']);
    expect(help.stdout).toContain('serve');
    expect(help.stdout).toContain('demo');
  });

  it('serve prints exactly one line with the loopback address and token, then serves until stopped', async () => {
    const dataDir = tempDir();
    const { child, firstLine, output } = await startCli(['serve', '--no-open', '--port', '0', '--data-dir', dataDir], { STOA_TOKEN: 'cli-test-token-123' });
    const match = /(http:\/\/127\.0\.0\.1:(\d+)\/)#token=([\w-]+)/.exec(firstLine);
    expect(match?.[3]).toBe('cli-test-token-123');
    const reply = await fetch(`${match?.[1]}api/system.info`, { method: 'POST', headers: { authorization: 'Bearer cli-test-token-123' }, body: '{}' });
    expect(await reply.json()).toMatchObject({ ok: true, value: { dataDir, host: 'server' } });
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output().trim().split('\n')).toHaveLength(1);
  });

  it('names a corrupt database file in one sentence, without a stack trace', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'workspace.sqlite'), 'garbage, not sqlite '.repeat(300));
    const result = await runCli(['serve', '--no-open', '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(dataDir, 'workspace.sqlite'));
    expect(result.stderr).toMatch(/not a Stoa database or is damaged/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a bad port with a clear message', async () => {
    const result = await runCli(['serve', '--no-open', '--port', 'eighty']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('a port is a whole number');
  });
});
