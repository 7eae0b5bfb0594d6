// One post in the review queue: the caption with its evidence marked, the scan's verdict with the
// rule that decided it and that rule's source, the reviewer's verdict with a reason, and the
// remediation requests for it (what to fix, by when, and their status).
import { useState } from 'react';
import type { InputOf, OutputOf } from '../../../api/endpoints.ts';
import { useCall } from '../../hooks/useCall.ts';
import { readEvidence } from './complianceEvidence.ts';
import type { CompliancePost } from './complianceRates.ts';
import { EvidenceCaption } from './EvidenceCaption.tsx';
import { RemediationPanel } from './RemediationPanel.tsx';
import { SnapshotThumbnail } from './SnapshotThumbnail.tsx';
import { useAction } from './useAction.ts';

type Verdict = InputOf<'compliance.review'>['verdict'];
type Remediation = OutputOf<'compliance.remediations.list'>[number];

export const VERDICT_NAMES: Record<Verdict, string> = { compliant: 'Compliant', needs_review: 'Needs review', non_compliant: 'Non-compliant' };

export function ReviewCard({ post, remediations, onChanged }: { post: CompliancePost; remediations: readonly Remediation[]; onChanged: () => void }) {
  const [refresh, setRefresh] = useState(0);
  const detail = useCall('compliance.posts.get', { postId: post.postId }, refresh);
  const [reason, setReason] = useState('');
  const review = useAction('compliance.review', () => {
    setReason('');
    setRefresh((n) => n + 1);
    onChanged();
  });
  const evidence = readEvidence(post.evidence);
  const latest = detail.value?.versions.find((v) => v.sha256 === post.latestSha256) ?? detail.value?.versions.at(-1);
  const given = detail.value?.verdict ?? null;
  const snapshot = detail.value?.snapshots.filter((s) => s.contentSha256 === post.latestSha256).at(-1) ?? null;
  const source = evidence?.rule?.source ?? null;
  const label = `Post ${post.remoteId} by ${post.handle}`;
  const decide = (verdict: Verdict) => void review.run({ postId: post.postId, verdict, reason });

  return (
    <article aria-label={label} className="compliance-card">
      <h3>
        {post.handle} on {post.platform} · {post.postedAt ? post.postedAt.slice(0, 10) : 'undated'}
        {post.permalink ? (
          <>
            {' '}
            · <a href={post.permalink} target="_blank" rel="noreferrer noopener">Open post on {post.platform}</a>
          </>
        ) : null}
      </h3>
      <p aria-label="Scan verdict">
        Scan: <strong>{post.scanVerdict ? VERDICT_NAMES[post.scanVerdict] : 'not scanned'}</strong>
        {post.changedFrom ? ' · changed since an earlier scan' : ''}
      </p>
      {evidence?.rule ? (
        <p aria-label="Deciding rule" className="hint">
          Rule <code>{evidence.rule.id}</code>: {evidence.rule.says}
          {source ? (
            <>
              {' '}
              (source:{' '}
              <a href={source.url} target="_blank" rel="noreferrer noopener">
                {source.document}
              </a>
              , {source.section}, {source.date})
            </>
          ) : null}
        </p>
      ) : null}
      {latest ? <EvidenceCaption caption={latest.caption} evidence={evidence} /> : <p>Loading the caption…</p>}
      <p aria-label="Content hash" className="hint">
        SHA-256 {post.latestSha256.slice(0, 16)}…
      </p>
      <SnapshotThumbnail snapshot={snapshot} postLabel={label} />
      {given ? (
        <p role="status" aria-label="Reviewer verdict">
          Reviewed: {VERDICT_NAMES[given.verdict]} by {given.actor}, “{given.reason}” (snapshot {given.snapshotSha256.slice(0, 12)}…)
        </p>
      ) : null}
      <div role="group" aria-label="Verdict" className="compliance-form">
        <label>
          Reason <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
        </label>
        {(['compliant', 'needs_review', 'non_compliant'] as const).map((v) => (
          <button key={v} type="button" onClick={() => decide(v)} disabled={review.busy || reason.trim() === ''}>
            Mark {VERDICT_NAMES[v].toLowerCase()}
          </button>
        ))}
        {review.error ? <p role="alert" className="error">{review.error}</p> : null}
      </div>
      <RemediationPanel post={post} remediations={remediations} onChanged={onChanged} />
    </article>
  );
}
