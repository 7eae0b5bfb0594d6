// `stoa audit scan | posts | review | remediate | verify-snapshots`: scan every post under audit
// (rules + the sponsorship model when installed), list the posts a person must look at with the
// rule that decided each, record a reviewer's verdict (the post is snapshotted first), ask a
// creator to fix something by a date, and check that no snapshot changed since it was captured.
import type { Command } from 'commander';
import { StoaUserError } from '../../backend/errors.ts';
import { writeJson } from '../output.ts';
import { AUDIT_HELP, DATA_DIR_HELP, EXIT_EVIDENCE_FAILED, oneOf, parseDay, withCompliance } from './auditCli.ts';

const VERDICTS = ['compliant', 'needs_review', 'non_compliant'] as const;
const STATUSES = ['open', 'sent', 'fixed', 'disputed', 'overdue', 'closed'] as const;

export function registerAuditScan(audit: Command): void {
  audit
    .command('scan')
    .description('Scan every post under audit: commercial and disclosure evidence, disclosure_present / disclosure_adequate under the audit’s jurisdiction, a verdict with the rule that decided it; snapshot what needs a person.')
    .option('--no-models', 'rules only (skip the on-device sponsorship model)')
    .option('--audit <id>', AUDIT_HELP)
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the scan summary as JSON')
    .action(async (flags: { models: boolean; audit?: string; dataDir?: string; json?: boolean }) => {
      const summary = await withCompliance(flags.dataDir, async (cli) => cli.call('compliance.scan', { auditId: await cli.auditId(flags.audit), useModels: flags.models }));
      if (flags.json) {
        writeJson(summary);
        return;
      }
      const v = summary.byVerdict;
      process.stdout.write(`Scanned ${summary.scanned} posts under ${summary.jurisdiction}: ${v.non_compliant} non-compliant, ${v.needs_review} need review, ${v.compliant} compliant; ${summary.snapshots} snapshots captured${summary.modelVersion ? `; model ${summary.modelVersion}` : '; rules only'}.\n`);
      for (const c of summary.changed) process.stdout.write(`post ${c.postId} changed since the last scan: ${c.from.slice(0, 12)}… → ${c.to.slice(0, 12)}… (both versions kept)\n`);
    });

  audit
    .command('posts')
    .description('List posts under audit with their verdict and deciding rule (the review queue with --verdict needs_review).')
    .option('--verdict <verdict>', VERDICTS.join('|'), oneOf(VERDICTS, 'a verdict'))
    .option('--from <date>', 'posted on or after (YYYY-MM-DD)', parseDay)
    .option('--to <date>', 'posted on or before (YYYY-MM-DD)', parseDay)
    .option('--audit <id>', AUDIT_HELP)
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the posts with their evidence as JSON')
    .action(async (flags: { verdict?: (typeof VERDICTS)[number]; from?: string; to?: string; audit?: string; dataDir?: string; json?: boolean }) => {
      const posts = await withCompliance(flags.dataDir, async (cli) =>
        cli.call('compliance.posts.list', { auditId: await cli.auditId(flags.audit), ...(flags.verdict ? { verdict: flags.verdict } : {}), ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) }),
      );
      if (flags.json) writeJson(posts);
      else for (const p of posts) process.stdout.write(`${p.postId}  @${p.handle}  ${p.reviewerVerdict ?? p.scanVerdict ?? 'unscanned'}  ${p.ruleId ?? ''}  ${p.permalink ?? p.remoteId}\n`);
    });

  audit
    .command('review')
    .description('Record a reviewer’s verdict on a post, with a reason; the post is snapshotted and both go in the audit log.')
    .requiredOption('--post <id>', 'post id (see stoa audit posts)')
    .requiredOption('--verdict <verdict>', VERDICTS.join('|'), oneOf(VERDICTS, 'a verdict'))
    .requiredOption('--reason <text>', 'why')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the verdict as JSON')
    .action(async (flags: { post: string; verdict: (typeof VERDICTS)[number]; reason: string; dataDir?: string; json?: boolean }) => {
      const verdict = await withCompliance(flags.dataDir, (cli) => cli.call('compliance.review', { postId: flags.post, verdict: flags.verdict, reason: flags.reason }));
      if (flags.json) writeJson(verdict);
      else process.stdout.write(`${verdict.verdict} recorded for post ${verdict.postId}; snapshot ${verdict.snapshotSha256}.\n`);
    });

  audit
    .command('remediate')
    .description('Ask a creator to fix something by a date (or, with --id and --status, move a request on).')
    .option('--creator <handle-or-id>', 'the creator (handle on the audit, or creator id)')
    .option('--post <id>', 'the post the request is about')
    .option('--what <text>', 'what to fix')
    .option('--due <date>', 'by when (YYYY-MM-DD)', parseDay)
    .option('--id <id>', 'an existing request, to change its status')
    .option('--status <status>', STATUSES.join('|'), oneOf(STATUSES, 'a status'))
    .option('--note <text>', 'a note kept with the status change')
    .option('--audit <id>', AUDIT_HELP)
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the request as JSON')
    .action(async (flags: { creator?: string; post?: string; what?: string; due?: string; id?: string; status?: (typeof STATUSES)[number]; note?: string; audit?: string; dataDir?: string; json?: boolean }) => {
      const request = await withCompliance(flags.dataDir, async (cli) => {
        if (flags.id !== undefined) {
          if (flags.status === undefined) throw new StoaUserError('Give the new --status for request ' + flags.id + '.');
          return cli.call('compliance.remediations.setStatus', { id: flags.id, status: flags.status, ...(flags.note ? { note: flags.note } : {}) });
        }
        if (flags.creator === undefined || flags.what === undefined || flags.due === undefined) throw new StoaUserError('A remediation request needs --creator, --what and --due.');
        const auditId = await cli.auditId(flags.audit);
        const wanted = flags.creator.replace(/^@/, '');
        const creator = (await cli.call('compliance.creators.list', { auditId })).find((c) => c.id === wanted || c.handle.toLowerCase() === wanted.toLowerCase());
        if (!creator) throw new StoaUserError(`@${wanted} is not under this audit.`);
        return cli.call('compliance.remediations.request', { creatorId: creator.id, what: flags.what, dueBy: flags.due, ...(flags.post ? { postId: flags.post } : {}) });
      });
      if (flags.json) writeJson(request);
      else process.stdout.write(`Remediation ${request.id}: ${request.what} (by ${request.dueBy}) is ${request.status}.\n`);
    });

  audit
    .command('verify-snapshots')
    .description(`Recompute every snapshot's hashes and compare them with the audit log (exit ${EXIT_EVIDENCE_FAILED} when one changed).`)
    .option('--audit <id>', 'only this audit’s snapshots')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print {checked, problems} as JSON')
    .action(async (flags: { audit?: string; dataDir?: string; json?: boolean }) => {
      const result = await withCompliance(flags.dataDir, (cli) => cli.call('compliance.snapshots.verify', flags.audit ? { auditId: flags.audit } : {}));
      if (flags.json) writeJson(result);
      else if (result.problems.length === 0) process.stdout.write(`Snapshots intact: ${result.checked} verified.\n`);
      else for (const p of result.problems) process.stdout.write(`${p.problem}\n`);
      if (result.problems.length > 0) process.exitCode = EXIT_EVIDENCE_FAILED;
    });
}
