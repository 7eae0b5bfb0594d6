// `stoa rights list|set|use`: the rights requests of posts made from community items, for agencies
// that track permissions outside the app. `set ID --status granted|refused` records the author's
// answer (refused is final) and prints the post's state after the check; `use ITEM` starts a draft
// from a queue item, as "Use in Studio" does. With --json each prints one JSON object.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { OutputOf } from '../../api/endpoints.ts';
import { writeJson } from '../output.ts';
import { withWorkspaceClient, type WorkspaceCall } from '../workspaceClient.ts';

type RightsCall = 'rights.list' | 'rights.update' | 'studio.useItem';
interface RightsFlags {
  readonly dataDir?: string;
  readonly json?: boolean;
  readonly status?: 'asked' | 'granted' | 'refused';
  readonly brand?: string;
  readonly target?: 'instagram' | 'pinterest';
}

const oneOf = <T extends string>(allowed: readonly T[], what: string) => (value: string): T => {
  if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} is one of ${allowed.join(', ')}.`);
  return value as T;
};

const dataDirOption = ['-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)'] as const;

async function withClient<T>(dataDir: string | undefined, work: (call: WorkspaceCall<RightsCall>) => Promise<T>): Promise<T> {
  return withWorkspaceClient(dataDir, work);
}

type Request = OutputOf<'rights.markSent'>;
const summary = (r: Request) => ({ id: r.id, postId: r.postId, itemId: r.itemId, author: r.author, platform: r.platform, status: r.status, sentAt: r.sentAt, updatedAt: r.updatedAt, actor: r.actor });
const line = (r: Request): string => `${r.id}\t${r.status}\t@${r.author} (${r.platform})\tpost ${r.postId}\t${r.sentAt ? `sent ${r.sentAt}` : 'not sent'}\t${r.updatedAt} by ${r.actor}\n`;

export function registerRights(program: Command): void {
  const rights = program.command('rights').description('Rights requests for posts made from community items: list them, record the author’s answer.');

  rights
    .command('list')
    .description('List rights requests, newest change first.')
    .option('--status <status>', 'only asked, granted or refused', oneOf(['asked', 'granted', 'refused'] as const, 'a status'))
    .option(...dataDirOption)
    .option('--json', 'print {requests: [...]}')
    .action(async (flags: RightsFlags) => {
      const { requests } = await withClient(flags.dataDir, (call) => call('rights.list', flags.status ? { status: flags.status } : {}));
      if (flags.json) writeJson({ requests: requests.map(summary) });
      else for (const r of requests) process.stdout.write(line(r));
    });

  rights
    .command('set')
    .description('Record the author’s answer: granted makes the post publishable; refused blocks it for good.')
    .argument('<id>', 'rights request id')
    .requiredOption('--status <status>', 'granted or refused', oneOf(['granted', 'refused'] as const, 'the status'))
    .option(...dataDirOption)
    .option('--json', 'print the request and the post state')
    .action(async (id: string, flags: RightsFlags) => {
      const { request, postState } = await withClient(flags.dataDir, (call) => call('rights.update', { id, status: flags.status }));
      if (flags.json) writeJson({ ...summary(request), postState });
      else process.stdout.write(`${request.id}\t${request.status}\tpost ${request.postId} is ${postState}\n`);
    });

  rights
    .command('use')
    .description('Start a draft post from a queue item, crediting its author, with a rights request.')
    .argument('<itemId>', 'queue item id (stoa items list)')
    .option('--brand <name>', 'the brand the request is sent for ({brand} in the message)')
    .option('--target <target>', 'instagram (default) or pinterest', oneOf(['instagram', 'pinterest'] as const, 'a target'))
    .option(...dataDirOption)
    .option('--json', 'print {id, postId, rightsRequestId, assetId, imageRefused}')
    .action(async (itemId: string, flags: RightsFlags) => {
      const used = await withClient(flags.dataDir, (call) => call('studio.useItem', { itemId, ...(flags.brand ? { brand: flags.brand } : {}), ...(flags.target ? { target: flags.target } : {}) }));
      if (flags.json) writeJson({ id: used.postId, ...used });
      else process.stdout.write(`post ${used.postId}\trights request ${used.rightsRequestId}${used.imageRefused ? `\timage not imported: ${used.imageRefused}` : ''}\n`);
    });
}
