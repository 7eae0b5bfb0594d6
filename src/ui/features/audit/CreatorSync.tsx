// Reads the creators' posts in the audit's period through their connected accounts (Instagram
// media, YouTube uploads) and says what came in and, per creator, what could not be read.
import { useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useAction } from './useAction.ts';

type SyncReport = OutputOf<'compliance.posts.sync'>;

export function CreatorSync({ auditId, onChanged }: { auditId: string; onChanged: () => void }) {
  const [report, setReport] = useState<SyncReport | null>(null);
  const sync = useAction('compliance.posts.sync', (value: SyncReport) => {
    setReport(value);
    onChanged();
  });
  return (
    <section aria-labelledby="compliance-sync">
      <h2 id="compliance-sync">Posts from connected accounts</h2>
      <button type="button" onClick={() => void sync.run({ auditId })} disabled={sync.busy}>
        {sync.busy ? 'Syncing posts…' : 'Sync creators’ posts'}
      </button>
      {report ? (
        <div role="region" aria-label="Post sync report">
          <p role="status">
            {report.creators} creators: {report.read} posts read, {report.newPosts} new, {report.newVersions} changed, {report.unchanged} unchanged
            {report.quarantined > 0 ? `, ${report.quarantined} unreadable` : ''}
          </p>
          {report.problems.length > 0 ? (
            <ul aria-label="Creators not synced">
              {report.problems.map((p) => (
                <li key={`${p.platform}-${p.handle}`}>
                  {p.handle} on {p.platform}: {p.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {sync.error ? <p role="alert" className="error">{sync.error}</p> : null}
    </section>
  );
}
