// `stoa post create|update|validate|show`: studio posts from the terminal, for agencies scripting
// drafts. `--tag PRODUCT@X,Y[:MEDIA_INDEX]` places a product (catalog id or SKU) on an image, x and
// y from the top-left in 0..1, on image MEDIA_INDEX (from 0; default 0). Every save answers with
// the post's check; `validate` exits 1 when the post is not ok (a violation or an error finding).
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { OutputOf } from '../../api/endpoints.ts';
import { StoaUserError } from '../../backend/errors.ts';
import { writeJson } from '../output.ts';
import { withWorkspaceClient, type WorkspaceCall } from '../workspaceClient.ts';

interface PostFlags {
  readonly dataDir?: string;
  readonly json?: boolean;
  readonly target?: string[];
  readonly media?: string[];
  readonly alt?: string[];
  readonly crop?: string[];
  readonly caption?: string;
  readonly tag?: ParsedTag[];
  readonly title?: string;
  readonly link?: string;
  readonly paidPartnership?: boolean;
  readonly brandPartner?: string;
  readonly jurisdiction?: string[];
  readonly hashtagCap?: boolean;
  readonly board?: string;
}

export interface ParsedTag {
  readonly productId: string;
  readonly x: number;
  readonly y: number;
  readonly mediaIndex: number;
}

const TARGETS = ['instagram', 'pinterest'] as const;
const JURISDICTIONS = ['ftc', 'uk-asa-cma', 'eu-ucpd'] as const;
const CROPS = ['original', 'instagram_square', 'instagram_portrait', 'instagram_landscape', 'pinterest_pin'] as const;
const HASHTAG_CAP_PROFILE = 'instagram-feed-2025-12-19-hashtag-cap';

const collect = <T>(parse: (v: string) => T) => (value: string, previous: T[] | undefined): T[] => [...(previous ?? []), parse(value)];
const oneOf = <T extends string>(allowed: readonly T[], what: string) => (value: string): T => {
  if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} is one of ${allowed.join(', ')}.`);
  return value as T;
};

/** PRODUCT@X,Y[:MEDIA_INDEX]; the product is what comes before the last '@'. */
export function parseTag(value: string): ParsedTag {
  const at = value.lastIndexOf('@');
  const match = at > 0 ? /^(\d*\.?\d+),(\d*\.?\d+)(?::(\d+))?$/.exec(value.slice(at + 1)) : null;
  if (!match) throw new InvalidArgumentError(`"${value}" is not PRODUCT@X,Y[:MEDIA_INDEX] (for example SKU-1@0.5,0.4:1).`);
  const x = Number(match[1]);
  const y = Number(match[2]);
  if (x > 1 || y > 1) throw new InvalidArgumentError(`"${value}": x and y are fractions of the image from the top-left, 0..1.`);
  return { productId: value.slice(0, at), x, y, mediaIndex: match[3] === undefined ? 0 : Number(match[3]) };
}

/** Checked before anything is saved, so a mistyped board loses no post. */
export function parseBoardId(value: string): string {
  if (!/^\d{1,32}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a Pinterest board id (digits only; see \`stoa pinterest boards\`).`);
  return value;
}

const boardNeedsPinterest = (flags: PostFlags, targets: readonly string[] | undefined): void => {
  if (flags.board !== undefined && targets !== undefined && !targets.includes('pinterest')) throw new StoaUserError('--board is for a post that targets Pinterest: add --target pinterest.');
};

const dataDirOption = ['-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)'] as const;

function contentOptions(command: Command): Command {
  return command
    .option('--target <target>', 'instagram or pinterest (repeat for both)', collect(oneOf(TARGETS, 'a target')))
    .option('--media <id>', 'a media library asset id, in order (repeat for a carousel)', collect(String))
    .option('--alt <text>', 'alt text for the image in the same position as --media (repeat)', collect(String))
    .option('--crop <rendition>', `send the image in the same position as --media at a rendition (${CROPS.join(', ')}, or "original"; repeat)`, collect(oneOf(CROPS, 'a crop')))
    .option('--caption <text>', 'the caption (Pinterest: the description)')
    .option('--tag <tag>', 'PRODUCT@X,Y[:MEDIA_INDEX]: a catalog id or SKU at x, y (0..1) on image MEDIA_INDEX (from 0)', collect(parseTag))
    .option('--title <text>', 'Pinterest pin title')
    .option('--link <url>', 'Pinterest pin link (default: the first tagged product’s catalog link)')
    .option('--board <id>', 'the Pinterest board the pin goes to (see `stoa pinterest boards`; default: the account’s default board)', parseBoardId)
    .option('--paid-partnership', "turn on the platform's paid-partnership label")
    .option('--brand-partner <name>', 'the brand partner (@handle or name)');
}

function checkOptions(command: Command): Command {
  return command
    .option('--jurisdiction <id>', `lint the disclosure for ${JURISDICTIONS.join(', ')} (repeat; default all)`, collect(oneOf(JURISDICTIONS, 'a jurisdiction')))
    .option('--hashtag-cap', `use the ${HASHTAG_CAP_PROFILE} limit profile (5 hashtags)`)
    .option(...dataDirOption)
    .option('--json', 'print one JSON object');
}

type Check = OutputOf<'posts.validate'>;

function contentFrom(flags: PostFlags) {
  const media = flags.media?.map((assetId, i) => {
    const crop = flags.crop?.[i];
    return { assetId, altText: flags.alt?.[i] ?? '', crop: crop === undefined || crop === 'original' ? null : (crop as Exclude<(typeof CROPS)[number], 'original'>) };
  });
  return {
    ...(flags.target ? { targets: flags.target as ('instagram' | 'pinterest')[] } : {}),
    ...(media ? { media } : {}),
    ...(flags.caption !== undefined ? { caption: flags.caption } : {}),
    ...(flags.tag ? { productTags: flags.tag.map((t) => ({ ...t })) } : {}),
    ...(flags.title !== undefined ? { title: flags.title } : {}),
    ...(flags.link !== undefined ? { link: flags.link } : {}),
    ...(flags.paidPartnership ? { paidPartnership: true } : {}),
    ...(flags.brandPartner !== undefined ? { brandPartner: flags.brandPartner } : {}),
  };
}

const checkInput = (flags: PostFlags) => ({
  ...(flags.jurisdiction ? { jurisdictions: flags.jurisdiction as (typeof JURISDICTIONS)[number][] } : {}),
  ...(flags.hashtagCap ? { profiles: { instagram: HASHTAG_CAP_PROFILE } } : {}),
});

function printCheck(check: Check): void {
  process.stdout.write(check.ok ? 'ok\n' : 'not ok\n');
  for (const v of check.violations) process.stdout.write(`  ${v.target}\t${v.rule}\tlimit ${v.limit}, actual ${v.actual}\t${v.message} (${v.source}, profile ${v.profile} of ${v.profileDate})\n`);
  for (const f of check.findings) process.stdout.write(`  ${f.severity}\t${f.jurisdiction}\t${f.rule.id}\t${f.message}${f.fixes[0] ? ` Fix: ${f.fixes[0].label}.` : ''}\n`);
}

async function withClient<T>(dataDir: string | undefined, work: (call: WorkspaceCall<'posts.create' | 'posts.update' | 'posts.validate' | 'posts.get' | 'posts.publish' | 'posts.schedule' | 'posts.unschedule' | 'posts.board.set'>) => Promise<T>): Promise<T> {
  return withWorkspaceClient(dataDir, work);
}

const summary = (post: OutputOf<'posts.get'>, check: Check, boardId?: string | null) => ({ id: post.id, state: post.state, revision: post.revision, ...(boardId !== undefined ? { boardId } : {}), ok: check.ok, violations: check.violations, findings: check.findings });

export function registerPost(program: Command): void {
  const post = program.command('post').description('Studio posts: create and edit drafts, validate them against platform limits and disclosure rules.');

  checkOptions(contentOptions(post.command('create').description('Create a post draft from library media, a caption and product tags; prints its id and check.'))).action(async (flags: PostFlags) => {
    if (!flags.target) throw new StoaUserError('Give at least one --target (instagram or pinterest).');
    boardNeedsPinterest(flags, flags.target);
    const content = { caption: '', ...contentFrom(flags), targets: flags.target as ('instagram' | 'pinterest')[] };
    const { post: created, check, boardId } = await withClient(flags.dataDir, async (call) => {
      const made = await call('posts.create', { content, ...checkInput(flags) });
      const board = flags.board !== undefined ? (await call('posts.board.set', { id: made.post.id, boardId: flags.board })).boardId : undefined;
      return { ...made, boardId: board };
    });
    if (flags.json) writeJson(summary(created, check, boardId));
    else {
      process.stdout.write(`${created.id}\t${created.state}${boardId ? `\tboard ${boardId}` : ''}\n`);
      printCheck(check);
    }
  });

  checkOptions(contentOptions(post.command('update').description('Save new values for the fields given (the rest stays); a new revision.')).argument('<id>', 'post id')).action(async (id: string, flags: PostFlags) => {
    boardNeedsPinterest(flags, flags.target);
    const { post: saved, check, boardId } = await withClient(flags.dataDir, async (call) => {
      // Refused before the update is saved: a board for a post that does not pin changes nothing.
      if (flags.board !== undefined && !flags.target) boardNeedsPinterest(flags, (await call('posts.get', { id })).targets);
      const updated = await call('posts.update', { id, content: contentFrom(flags), ...checkInput(flags) });
      const board = flags.board !== undefined ? (await call('posts.board.set', { id, boardId: flags.board })).boardId : undefined;
      return { ...updated, boardId: board };
    });
    if (flags.json) writeJson(summary(saved, check, boardId));
    else {
      process.stdout.write(`${saved.id}\t${saved.state}\trevision ${saved.revision}${boardId ? `\tboard ${boardId}` : ''}\n`);
      printCheck(check);
    }
  });

  checkOptions(post.command('validate').description('Check a post: limit violations per target and disclosure findings; exit 1 when not ok.').argument('<id>', 'post id')).action(async (id: string, flags: PostFlags) => {
    const check = await withClient(flags.dataDir, (call) => call('posts.validate', { id, ...checkInput(flags) }));
    if (flags.json) writeJson({ id, ok: check.ok, violations: check.violations, findings: check.findings, counts: check.counts });
    else printCheck(check);
    if (!check.ok) process.exitCode = 1;
  });

  post
    .command('show')
    .description('Print a post as JSON.')
    .argument('<id>', 'post id')
    .option(...dataDirOption)
    .action(async (id: string, flags: PostFlags) => {
      writeJson(await withClient(flags.dataDir, (call) => call('posts.get', { id })));
    });

  post
    .command('publish')
    .description('Queue a valid post for publishing; `stoa sync` (or the app) sends it. Prints its state and permalink.')
    .argument('<id>', 'post id')
    .option(...dataDirOption)
    .option('--json', 'print {id, state, permalink, failure}')
    .action(async (id: string, flags: PostFlags) => {
      const queued = await withClient(flags.dataDir, (call) => call('posts.publish', { id }));
      if (flags.json) writeJson({ id: queued.id, state: queued.state, permalink: queued.permalink, failure: queued.failure });
      else process.stdout.write(`${queued.id}\t${queued.state}${queued.permalink ? `\t${queued.permalink}` : ''}\n`);
    });

  post
    .command('schedule')
    .description('Schedule a valid post (or give a scheduled, failed or missed one a new time); the app publishes it then, while it runs. A time that passes while Stoa is closed becomes "missed" and is not published without asking.')
    .argument('<id>', 'post id')
    .requiredOption('--at <time>', 'when, as an ISO 8601 time with a zone (2026-12-24T18:00:00Z or 2026-12-24T19:00+01:00)', parseScheduleTime)
    .option(...dataDirOption)
    .option('--json', 'print {id, state, scheduledAt}')
    .action(async (id: string, flags: { dataDir?: string; json?: boolean; at: string }) => {
      printSchedule(await withClient(flags.dataDir, (call) => call('posts.schedule', { id, at: flags.at })), flags.json === true);
    });

  post
    .command('unschedule')
    .description('Take a scheduled (or missed) post off the schedule: it is valid again (draft when it no longer passes its checks).')
    .argument('<id>', 'post id')
    .option(...dataDirOption)
    .option('--json', 'print {id, state, scheduledAt}')
    .action(async (id: string, flags: { dataDir?: string; json?: boolean }) => {
      printSchedule(await withClient(flags.dataDir, (call) => call('posts.unschedule', { id })), flags.json === true);
    });
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 time with its zone (a time without one would depend on this machine's zone), as UTC. */
export function parseScheduleTime(value: string): string {
  const ms = Date.parse(value);
  if (!ISO_TIME.test(value) || !Number.isFinite(ms)) throw new InvalidArgumentError(`"${value}" is not an ISO 8601 time with a zone, e.g. 2026-12-24T18:00:00Z.`);
  return new Date(ms).toISOString();
}

function printSchedule(post: OutputOf<'posts.get'>, json: boolean): void {
  if (json) writeJson({ id: post.id, state: post.state, scheduledAt: post.scheduledAt });
  else process.stdout.write(`${post.id}\t${post.state}${post.scheduledAt ? `\t${post.scheduledAt}` : ''}\n`);
}
