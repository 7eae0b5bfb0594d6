// `stoa audit create | list | add-creator | add-brand | import-posts`: set up a compliance audit —
// its jurisdiction profile and period, the creators and brands it is about — and read the
// creators' posts from an export (JSON or CSV; the shape is in src/compliance/postImport.ts).
import type { Command } from 'commander';
import { StoaUserError } from '../../backend/errors.ts';
import { writeJson } from '../output.ts';
import { AUDIT_HELP, collect, DATA_DIR_HELP, oneOf, parseDay, withCompliance } from './auditCli.ts';

const JURISDICTIONS = ['ftc', 'uk-asa-cma', 'eu-ucpd'] as const;

export function registerAuditSetup(audit: Command): void {
  audit
    .command('create')
    .description('Create a compliance audit: a name, a jurisdiction profile (ftc, uk-asa-cma, eu-ucpd) and a period.')
    .requiredOption('--name <name>', 'what the audit is called')
    .requiredOption('--jurisdiction <id>', JURISDICTIONS.join('|'), oneOf(JURISDICTIONS, 'a jurisdiction'))
    .requiredOption('--from <date>', 'first day of the period (YYYY-MM-DD)', parseDay)
    .requiredOption('--to <date>', 'last day of the period (YYYY-MM-DD)', parseDay)
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the audit as JSON')
    .action(async (flags: { name: string; jurisdiction: (typeof JURISDICTIONS)[number]; from: string; to: string; dataDir?: string; json?: boolean }) => {
      if (flags.from > flags.to) throw new StoaUserError('The period ends before it starts: --from must not be after --to.');
      const created = await withCompliance(flags.dataDir, (cli) => cli.call('compliance.audits.create', { name: flags.name, jurisdiction: flags.jurisdiction, periodFrom: flags.from, periodTo: flags.to }));
      if (flags.json) writeJson(created);
      else process.stdout.write(`Audit ${created.id} created: ${created.name}, ${created.jurisdiction}, ${created.periodFrom} to ${created.periodTo}.\n`);
    });

  audit
    .command('list')
    .description('List the compliance audits in the workspace.')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the audits as JSON')
    .action(async (flags: { dataDir?: string; json?: boolean }) => {
      const audits = await withCompliance(flags.dataDir, (cli) => cli.call('compliance.audits.list', {}));
      if (flags.json) writeJson(audits);
      else for (const a of audits) process.stdout.write(`${a.id}  ${a.name}  ${a.jurisdiction}  ${a.periodFrom}..${a.periodTo}\n`);
    });

  audit
    .command('add-creator')
    .description('Put a creator under audit (their posts come from import-posts or a connected account).')
    .requiredOption('--platform <platform>', 'instagram, youtube, pinterest, tiktok, …')
    .requiredOption('--handle <handle>', 'the creator’s handle, with or without @')
    .option('--account <id>', 'a connected account their posts are read through')
    .option('--remote-user-id <id>', 'the creator’s id on the platform (Instagram ig-user-id, YouTube channel id)')
    .option('--audit <id>', AUDIT_HELP)
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the creator as JSON')
    .action(async (flags: { platform: string; handle: string; account?: string; remoteUserId?: string; audit?: string; dataDir?: string; json?: boolean }) => {
      const creator = await withCompliance(flags.dataDir, async (cli) =>
        cli.call('compliance.creators.add', {
          auditId: await cli.auditId(flags.audit),
          platform: flags.platform.toLowerCase(),
          handle: flags.handle,
          ...(flags.account === undefined ? {} : { accountId: flags.account }),
          ...(flags.remoteUserId === undefined ? {} : { remoteUserId: flags.remoteUserId }),
        }),
      );
      if (flags.json) writeJson(creator);
      else process.stdout.write(`@${creator.handle} on ${creator.platform} is under audit (creator ${creator.id}).\n`);
    });

  audit
    .command('add-brand')
    .description('Add a brand the audit is about: its name, handles, the discount codes and affiliate ids it issued.')
    .requiredOption('--name <name>', 'brand name as it appears in captions')
    .option('--handle <handle>', 'a platform handle of the brand (repeatable)', collect)
    .option('--code <code>', 'a discount code the brand issued (repeatable)', collect)
    .option('--affiliate-id <id>', 'an id in the brand’s affiliate links, e.g. an Amazon tag (repeatable)', collect)
    .option('--audit <id>', AUDIT_HELP)
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the brand as JSON')
    .action(async (flags: { name: string; handle?: string[]; code?: string[]; affiliateId?: string[]; audit?: string; dataDir?: string; json?: boolean }) => {
      const brand = await withCompliance(flags.dataDir, async (cli) =>
        cli.call('compliance.brands.add', { auditId: await cli.auditId(flags.audit), name: flags.name, handles: flags.handle ?? [], discountCodes: flags.code ?? [], affiliateIds: flags.affiliateId ?? [] }),
      );
      if (flags.json) writeJson(brand);
      else process.stdout.write(`Brand ${brand.name} added (${brand.handles.length} handles, ${brand.discountCodes.length} codes, ${brand.affiliateIds.length} affiliate ids).\n`);
    });

  audit
    .command('sync-posts')
    .description('Read the posts of creators with a connected account (Instagram media, YouTube uploads) within the audit’s period.')
    .option('--audit <id>', AUDIT_HELP)
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print {creators, read, newPosts, newVersions, unchanged, quarantined, skipped, problems} as JSON')
    .action(async (flags: { audit?: string; dataDir?: string; json?: boolean }) => {
      const result = await withCompliance(flags.dataDir, async (cli) => cli.call('compliance.posts.sync', { auditId: await cli.auditId(flags.audit) }));
      if (flags.json) writeJson(result);
      else {
        process.stdout.write(`Read ${result.read} posts of ${result.creators} creators: ${result.newPosts} new, ${result.newVersions} changed, ${result.unchanged} unchanged.\n`);
        for (const p of result.problems) process.stdout.write(`@${p.handle} (${p.platform}): ${p.reason}\n`);
      }
    });

  audit
    .command('import-posts')
    .description('Read creators’ posts from a JSON or CSV export (columns: platform, creator, id, caption, permalink, timestamp, media_type, media_urls, paid_partnership, tagged_products, tagged_users, image_text).')
    .argument('<file>', 'the export file')
    .option('--format <format>', 'json|csv (default: from the file name)', oneOf(['json', 'csv'] as const, 'a format'))
    .option('--platform <platform>', 'platform for rows that do not name one')
    .option('--ocr', 'read the text on each post’s image_files on this machine (tesseract, English)')
    .option('--audit <id>', AUDIT_HELP)
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print {read, newPosts, newVersions, unchanged, skipped, problems, imagesRead} as JSON')
    .action(async (file: string, flags: { format?: 'json' | 'csv'; platform?: string; ocr?: boolean; audit?: string; dataDir?: string; json?: boolean }) => {
      const [{ readFileSync }, { dirname, resolve }] = await Promise.all([import('node:fs'), import('node:path')]);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new StoaUserError(`The export ${file} cannot be read (it is missing or not readable by this user).`);
      }
      const format = flags.format ?? (/\.csv$/i.test(file) ? 'csv' : /\.json$/i.test(file) ? 'json' : null);
      if (format === null) throw new StoaUserError(`Say whether ${file} is JSON or CSV with --format.`);
      const result = await withCompliance(flags.dataDir, async (cli) =>
        cli.call('compliance.posts.import', { auditId: await cli.auditId(flags.audit), format, text, ocr: flags.ocr === true, baseDir: dirname(resolve(file)), ...(flags.platform === undefined ? {} : { platform: flags.platform }) }),
      );
      if (flags.json) writeJson(result);
      else {
        process.stdout.write(`Read ${result.read} posts: ${result.newPosts} new, ${result.newVersions} changed since last import, ${result.unchanged} unchanged${result.imagesRead > 0 ? `; ${result.imagesRead} images read by OCR` : ''}.\n`);
        for (const s of result.skipped) process.stdout.write(`skipped ${s.remoteId}: ${s.reason}\n`);
        for (const p of result.problems) process.stdout.write(`row ${p.row} left out: ${p.message}\n`);
      }
    });
}
