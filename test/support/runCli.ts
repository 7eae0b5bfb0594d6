// Runs the real `stoa` command in a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

// bin/stoa.mjs runs the CLI bundle (out/cli) only while no source file is newer than it, and the
// sources through tsx otherwise: either way a test runs the code as it is in the working tree.
export const STOA_BIN = join(import.meta.dirname, '../../bin/stoa.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string;
  readonly timeoutMs?: number;
  /** Run as this user and group (tests that must not be root to meet a permission error). */
  readonly uid?: number;
  readonly gid?: number;
}

/** Runs `node ARGS...` to its end and collects what it printed; killed after `timeoutMs`. */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const identity = options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid };
    const child = spawn(process.execPath, [...args], { ...identity, env: { ...process.env, ...options.env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

export const runCli = (args: readonly string[], options: RunOptions = {}): Promise<CliResult> => runNode([STOA_BIN, ...args], options);

/** Starts a long-running command and resolves with its first stdout line. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; firstLine: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [STOA_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve({ child, firstLine: stdout.slice(0, newline), output: () => stdout });
    });
    child.on('exit', (code) => reject(new Error(`stoa exited with ${code} before printing: ${stderr}`)));
  });
}
