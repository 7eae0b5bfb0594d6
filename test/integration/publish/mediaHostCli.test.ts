// `stoa media-host set|show|clear --json`: the token comes from a file, is stored encrypted and is
// never printed; a bad URL is one sentence and a non-zero exit, leaving the setting as it was.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../src/backend/openBackend.ts';
import { databaseFileIn } from '../../../src/backend/paths.ts';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-media-host-cli-');

describe('stoa media-host', () => {
  it('sets, shows and clears the media host', { timeout: 120_000 }, async () => {
    const dataDir = join(tempDir(), 'workspace');
    openBackend({ dataDir, host: 'in-process', modelsDir: join(dataDir, 'no-models') }).close();
    const tokenFile = join(tempDir(), 'token');
    writeFileSync(tokenFile, 'cli-t0ken-value\n');
    const args = ['--data-dir', dataDir, '--json'];

    const set = await runCli(['media-host', 'set', '--upload-url', 'https://uploads.example.com/stoa/', '--public-base', 'https://cdn.example.com/stoa', '--token-file', tokenFile, ...args]);
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toEqual({ host: { uploadUrl: 'https://uploads.example.com/stoa', publicBase: 'https://cdn.example.com/stoa', hasToken: true } });
    for (const file of [databaseFileIn(dataDir), `${databaseFileIn(dataDir)}-wal`]) if (existsSync(file)) expect(readFileSync(file).includes('cli-t0ken-value')).toBe(false);

    const bad = await runCli(['media-host', 'set', '--upload-url', 'ftp://x.example.com', '--public-base', 'https://cdn.example.com/x', ...args]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/upload URL must start with https:\/\//);

    const shown = await runCli(['media-host', 'show', ...args]);
    expect(shown.stdout).not.toContain('cli-t0ken-value');
    expect(JSON.parse(shown.stdout)).toEqual({ host: { uploadUrl: 'https://uploads.example.com/stoa', publicBase: 'https://cdn.example.com/stoa', hasToken: true } });

    expect(JSON.parse((await runCli(['media-host', 'clear', ...args])).stdout)).toEqual({ cleared: true });
    expect(JSON.parse((await runCli(['media-host', 'show', ...args])).stdout)).toEqual({ host: null });
  });
});
