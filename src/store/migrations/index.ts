// The ordered list of migrations. Append only: a released migration is never edited. A file's
// number is its version, which is its position in this list (open.ts applies them by position).
import { initial } from './0001-initial.ts';
import { outbox } from './0002-outbox.ts';
import { search } from './0003-search.ts';
import { sync } from './0004-sync.ts';
import { searchWrites } from './0005-search-writes.ts';
import { unscoredLanguage } from './0006-unscored-language.ts';
import { media } from './0007-media.ts';
import { compliance } from './0008-compliance.ts';
import { catalog } from './0009-catalog.ts';
import { retriedWrites } from './0010-retried-writes.ts';
import { posts } from './0011-posts.ts';
import { publishJobs } from './0012-publish-jobs.ts';
import { postSchedule } from './0013-post-schedule.ts';
import { rightsRequests } from './0014-rights-requests.ts';
import { postTargetBoards } from './0015-post-target-boards.ts';
import { catalogRuns } from './0016-catalog-runs.ts';
import { complianceLookups } from './0017-compliance-lookups.ts';
import { textCopies } from './0018-text-copies.ts';
import { auditLogLookups } from './0019-audit-log-lookups.ts';
import { removalTemplates } from './0020-removal-templates.ts';
import { personNotes } from './0021-person-notes.ts';
import { queueCounts } from './0022-queue-counts.ts';
import { hubLink } from './0023-hub-link.ts';
import { outboxSteps } from './0024-outbox-steps.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';
export const MIGRATIONS: readonly Migration[] = [initial, outbox, search, sync, searchWrites, unscoredLanguage, media, compliance, catalog, retriedWrites, posts, publishJobs, postSchedule, rightsRequests, postTargetBoards, catalogRuns, complianceLookups, textCopies, auditLogLookups, removalTemplates, personNotes, queueCounts, hubLink, outboxSteps];
export const SCHEMA_VERSION = MIGRATIONS.length;
