// A throwaway PostgreSQL cluster, for the hub's integration tests and `stoa bench -s hub`: initdb
// into a temporary folder, started on 127.0.0.1 with a free port and its unix socket inside that
// folder, stopped and removed afterwards. The binaries come from $STOA_PG_BIN, else the newest
// /usr/lib/postgresql/N/bin (Debian's `postgresql` package). initdb refuses to run as root, so under
// root (CI containers) the cluster runs as the `postgres` user the Debian package creates, or as
// `nobody` where there is none.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SUPERUSER = 'stoa';

/** The folder with PostgreSQL's initdb and pg_ctl, or null when this machine has none. */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env['STOA_PG_BIN'];
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

/** Why findPostgresBinaries() found none, as the end of a sentence. */
export function missingPostgresReason(env: NodeJS.ProcessEnv = process.env): string {
  const where = env['STOA_PG_BIN'] ? `STOA_PG_BIN=${env['STOA_PG_BIN']} has no initdb` : 'no /usr/lib/postgresql/*/bin/initdb';
  return `${where}; apt-get install postgresql, or set STOA_PG_BIN`;
}

/** Who runs the cluster: this user, or under root a user initdb accepts. */
function clusterIdentity(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid !== undefined && gid !== undefined ? { uid: Number(uid), gid: Number(gid) } : { uid: 65_534, gid: 65_534 };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ThrowawayCluster {
  readonly port: number;
  /** A connection URL for the cluster's superuser, to the named database. */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export interface ThrowawayOptions {
  /**
   * Without durability (fsync and full-page writes off), as tests want it. A benchmark keeps
   * PostgreSQL's durable defaults, so its commits cost what a real hub's cost.
   */
  readonly durable?: boolean;
}

export async function startThrowawayCluster(bin: string, options: ThrowawayOptions = {}): Promise<ThrowawayCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'stoa-pg-'));
  const data = join(dir, 'data');
  const identity = clusterIdentity();
  if (identity) chownSync(dir, identity.uid, identity.gid);
  const as = identity ?? {};
  // cwd is the cluster folder: the cluster's user may not be allowed into the checkout's folders.
  const tool = (name: string, args: string[]) => run(join(bin, name), args, { ...as, cwd: dir, env: { ...process.env, LC_ALL: 'C' } });
  try {
    await tool('initdb', ['-D', data, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    // A port found free can be taken before the server binds it; try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const speed = options.durable ? '' : ' -c fsync=off -c full_page_writes=off';
      const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${speed}`;
      try {
        await tool('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', serverOptions, 'start']);
      } catch (error) {
        if (attempt < 3) continue;
        throw new Error(`PostgreSQL did not start: ${String(error)}\n${readLog(dir)}`);
      }
      const url = (database = 'postgres') => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
      return {
        port,
        url,
        async createDatabase(name) {
          if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
          await tool('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, name]);
          return url(name);
        },
        async stop() {
          try {
            await tool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      };
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'server.log'), 'utf8');
  } catch {
    return '(no server log)';
  }
}
