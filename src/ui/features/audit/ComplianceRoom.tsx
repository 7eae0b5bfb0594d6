// The compliance room on the Audit page: pick or create an audit, say who is under audit, import and
// scan posts, review them, watch the rates, export reports and check the snapshots. One refresh
// counter reloads the posts and remediations after anything that changes them.
import { useCallback, useState } from 'react';
import { useCall } from '../../hooks/useCall.ts';
import { AuditParties } from './AuditParties.tsx';
import { AuditPicker } from './AuditPicker.tsx';
import { ComplianceDashboard } from './ComplianceDashboard.tsx';
import { CreatorSync } from './CreatorSync.tsx';
import './compliance.css';
import { PostImportScan } from './PostImportScan.tsx';
import { ReportsAndSnapshots } from './ReportsAndSnapshots.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';

function AuditWorkspace({ auditId }: { auditId: string }) {
  const [refresh, setRefresh] = useState(0);
  const changed = useCallback(() => setRefresh((n) => n + 1), []);
  const posts = useCall('compliance.posts.list', { auditId }, refresh);
  const remediations = useCall('compliance.remediations.list', { auditId }, refresh);
  return (
    <>
      <AuditParties auditId={auditId} />
      <CreatorSync auditId={auditId} onChanged={changed} />
      <PostImportScan auditId={auditId} onChanged={changed} />
      {posts.error ? <p role="alert" className="error">{posts.error.message}</p> : null}
      <ReviewQueue posts={posts.value ?? []} remediations={remediations.value ?? []} onChanged={changed} />
      <ComplianceDashboard auditId={auditId} refresh={refresh} />
      <ReportsAndSnapshots auditId={auditId} />
    </>
  );
}

export function ComplianceRoom() {
  const [auditId, setAuditId] = useState<string | null>(null);
  return (
    <div className="compliance-room" aria-label="Compliance" role="region">
      <AuditPicker selected={auditId} onSelect={setAuditId} />
      {auditId ? <AuditWorkspace key={auditId} auditId={auditId} /> : <p>Choose or create an audit to review creators’ posts.</p>}
    </div>
  );
}
