// auditLog.* endpoints: the hash-chained audit log as a searchable, paged list and as CSV.
import type { Handlers } from '../api/dispatch.ts';
import { csvRow } from '../core/csv.ts';
import { auditLogFacets, iterateAuditLog, queryAuditLog } from '../store/auditLogQuery.ts';
import type { BackendContext } from './context.ts';

const CSV_HEADER = ['seq', 'at', 'actor', 'device_id', 'action', 'subject', 'platform', 'community', 'details', 'id'];

export function auditLogHandlers(ctx: BackendContext): Pick<Handlers, 'auditLog.list' | 'auditLog.facets' | 'auditLog.exportCsv'> {
  return {
    'auditLog.list': ({ limit, beforeSeq, ...filter }) => queryAuditLog(ctx.db, filter, limit, beforeSeq),
    'auditLog.facets': () => auditLogFacets(ctx.db),
    'auditLog.exportCsv': (filter) => {
      const parts = [csvRow(CSV_HEADER)];
      for (const e of iterateAuditLog(ctx.db, filter)) {
        parts.push(csvRow([e.seq, e.at, e.actor, e.deviceId, e.action, e.subject, e.platform, e.community, JSON.stringify(e.details), e.id]));
      }
      return { csv: parts.join(''), rows: parts.length - 1 };
    },
  };
}
