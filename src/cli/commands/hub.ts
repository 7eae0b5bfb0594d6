// `stoa hub init|add-member|status --database postgres://…`: set up a team hub on PostgreSQL (the
// schema and a first workspace with its owner, whose token is printed once), add members, and show
// what a hub holds. The URL may also come from $STOA_HUB_DATABASE, which keeps a password out of the
// shell history. `stoa hub join|leave|sync` are the desk's side (hubDesk.ts).
import type { Command } from 'commander';
import { StoaUserError } from '../../backend/errors.ts';
// eventKinds.ts is a leaf of constants (no pg): cheap enough to import while registering.
import { HUB_ROLES } from '../../hub/eventKinds.ts';
import { writeJson } from '../output.ts';
import { registerHubDesk } from './hubDesk.ts';

interface DatabaseFlags {
  database?: string;
  json?: boolean;
}

function databaseUrl(flags: DatabaseFlags): string {
  const url = flags.database ?? process.env['STOA_HUB_DATABASE'];
  if (!url) throw new StoaUserError('Name the hub database: --database postgres://user:password@host:5432/stoa_hub (or set STOA_HUB_DATABASE).');
  return url;
}

/** The hub's expected problems (bad URL, unreachable, newer schema…) become the CLI's one sentence. */
async function withHubErrors<T>(work: () => Promise<T>): Promise<T> {
  const { HubError } = await import('../../hub/errors.ts');
  try {
    return await work();
  } catch (error) {
    if (error instanceof HubError) throw new StoaUserError(error.message);
    throw error;
  }
}

/** The member's join URL: the desks' login (made here when the hub has none yet) and their token. */
async function memberJoinUrl(adminUrl: string, token: string): Promise<string> {
  const { openHubPool } = await import('../../hub/connect.ts');
  const { ensureDeskLogin } = await import('../../hub/deskLogin.ts');
  const { formatJoinUrl } = await import('../../hub/joinUrl.ts');
  const pool = await openHubPool(adminUrl, { max: 1 });
  try {
    return formatJoinUrl((await ensureDeskLogin(pool, adminUrl)).databaseUrl, token);
  } finally {
    await pool.end();
  }
}

export function registerHub(program: Command): void {
  const hub = program.command('hub').description('A team hub on PostgreSQL: shared decisions, notes and findings for a moderation team.');
  hub
    .command('init')
    .description('Create (or upgrade) the hub schema, the desks’ own database login, and a workspace with its owner; prints the owner token and join URL once.')
    .option('--database <url>', 'PostgreSQL URL, e.g. postgres://stoa:secret@db.example:5432/stoa_hub (default: $STOA_HUB_DATABASE)')
    .option('--workspace <name>', 'name of the team workspace', 'Team')
    .option('--owner <name>', 'name of its first owner', 'Owner')
    .option('--json', 'print the result as JSON')
    .action(async (flags: DatabaseFlags & { workspace: string; owner: string }) => {
      const url = databaseUrl(flags);
      const workspace = flags.workspace.trim();
      const owner = flags.owner.trim();
      if (!workspace || !owner) throw new StoaUserError('Give the workspace and its owner a name (--workspace, --owner).');
      const { initHub } = await import('../../hub/init.ts');
      const { redactUrl } = await import('../../hub/connect.ts');
      const done = await withHubErrors(() => initHub(url, { workspace, owner }));
      const joinUrl = await withHubErrors(() => memberJoinUrl(url, done.token));
      if (flags.json) {
        writeJson({
          database: redactUrl(url),
          schemaVersion: done.schemaVersion,
          migratedFrom: done.migratedFrom,
          workspaceId: done.workspaceId,
          memberId: done.memberId,
          role: done.role,
          token: done.token,
          joinUrl,
        });
        return;
      }
      process.stdout.write(`Hub schema at version ${done.schemaVersion} in ${redactUrl(url)}${done.migratedFrom === done.schemaVersion ? ' (already there)' : ''}\n`);
      process.stdout.write(`Workspace "${workspace}" (${done.workspaceId}) with owner ${owner} (${done.memberId})\n`);
      process.stdout.write(`Owner token, shown only now (the hub keeps only its hash): ${done.token}\n`);
      process.stdout.write(`Owner's join URL (paste it into Stoa → Settings → Team hub; keep it secret): ${joinUrl}\n`);
    });
  hub
    .command('add-member <name>')
    .description('Add a member to the owner’s workspace (the owner token comes from $STOA_HUB_TOKEN or an owner’s join URL as --database); prints the new token and join URL once.')
    .option('--database <url>', 'PostgreSQL URL (default: $STOA_HUB_DATABASE)')
    .option('--role <role>', `one of ${HUB_ROLES.join(', ')}`, 'viewer')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, flags: DatabaseFlags & { role: string }) => {
      // An owner's join URL names both the database and the owner token.
      const given = databaseUrl(flags);
      const fromJoinUrl = given.includes('stoa_token=') ? await withHubErrors(async () => (await import('../../hub/joinUrl.ts')).parseJoinUrl(given)) : null;
      const url = fromJoinUrl?.databaseUrl ?? given;
      const ownerToken = process.env['STOA_HUB_TOKEN'] || fromJoinUrl?.token;
      if (!ownerToken) throw new StoaUserError('Set STOA_HUB_TOKEN to an owner’s token (the one `stoa hub init` printed).');
      const role = HUB_ROLES.find((r) => r === flags.role);
      if (!role) throw new StoaUserError(`A member's role is one of ${HUB_ROLES.join(', ')} (got "${flags.role}").`);
      if (!name.trim()) throw new StoaUserError('Give the member a name.');
      const { openHubPool } = await import('../../hub/connect.ts');
      const { addMember } = await import('../../hub/members.ts');
      const added = await withHubErrors(async () => {
        const pool = await openHubPool(url, { max: 1 });
        try {
          const result = await addMember(pool, ownerToken, { name: name.trim(), role });
          if (!result.ok) return result;
          const { ensureDeskLogin } = await import('../../hub/deskLogin.ts');
          const { formatJoinUrl } = await import('../../hub/joinUrl.ts');
          const desk = await ensureDeskLogin(pool, url);
          return { ok: true as const, value: { ...result.value, joinUrl: formatJoinUrl(desk.databaseUrl, result.value.token) } };
        } finally {
          await pool.end();
        }
      });
      if (!added.ok) throw new StoaUserError(added.error.message);
      if (flags.json) {
        writeJson(added.value);
        return;
      }
      process.stdout.write(`Added ${name.trim()} as ${role} (${added.value.memberId})\n`);
      process.stdout.write(`Member token, shown only now: ${added.value.token}\n`);
      process.stdout.write(`Join URL for ${name.trim()} (they paste it into Stoa → Settings → Team hub; send it privately): ${added.value.joinUrl}\n`);
    });
  hub
    .command('status')
    .description('Show the hub schema version and each workspace’s members and events.')
    .option('--database <url>', 'PostgreSQL URL (default: $STOA_HUB_DATABASE)')
    .option('--json', 'print the result as JSON')
    .action(async (flags: DatabaseFlags) => {
      const url = databaseUrl(flags);
      const { openHubPool, redactUrl } = await import('../../hub/connect.ts');
      const { hubStatus } = await import('../../hub/status.ts');
      const status = await withHubErrors(async () => {
        const pool = await openHubPool(url, { max: 1 });
        try {
          return await hubStatus(pool);
        } finally {
          await pool.end();
        }
      });
      if (flags.json) {
        writeJson({ database: redactUrl(url), ...status });
        return;
      }
      if (status.schemaVersion === 0) {
        process.stdout.write(`No hub schema in ${redactUrl(url)} yet; run \`stoa hub init --database …\`.\n`);
        return;
      }
      process.stdout.write(`Hub schema version ${status.schemaVersion} (this Stoa knows ${status.knownVersion}) in ${redactUrl(url)}\n`);
      for (const w of status.workspaces) {
        const members = Object.entries(w.members).map(([role, n]) => `${n} ${role}`).join(', ') || 'no members';
        process.stdout.write(`  ${w.name} (${w.id}): ${members}; ${w.events} events, last sequence ${w.lastSeq}\n`);
      }
    });
  registerHubDesk(hub);
}
