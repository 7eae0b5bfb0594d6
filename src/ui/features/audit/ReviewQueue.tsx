// The review queue: the audit's posts a person must look at (the scan said needs review or
// non-compliant, or a reviewer already gave a verdict), each as a ReviewCard; "All posts" shows the rest.
import { useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import type { CompliancePost } from './complianceRates.ts';
import { ReviewCard } from './ReviewCard.tsx';

type Remediation = OutputOf<'compliance.remediations.list'>[number];

const needsAttention = (p: CompliancePost): boolean => p.reviewerVerdict !== null || p.scanVerdict === 'needs_review' || p.scanVerdict === 'non_compliant';

export function ReviewQueue({ posts, remediations, onChanged }: { posts: readonly CompliancePost[]; remediations: readonly Remediation[]; onChanged: () => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? posts : posts.filter(needsAttention);
  return (
    <section aria-labelledby="compliance-review">
      <h2 id="compliance-review">Review queue</h2>
      <label>
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show all posts
      </label>
      <p className="hint">
        <mark className="compliance-mark compliance-mark--commercial">Commercial evidence</mark> and{' '}
        <mark className="compliance-mark compliance-mark--disclosure">disclosure wording</mark> are marked in each caption (
        <mark className="compliance-mark compliance-mark--both">both</mark> where they overlap).
      </p>
      {shown.length === 0 ? <p>No posts to review{posts.length === 0 ? ': import posts and scan them.' : '.'}</p> : null}
      <div role="list" aria-label="Posts to review">
        {shown.map((p) => (
          <div role="listitem" key={p.postId}>
            <ReviewCard post={p} remediations={remediations} onChanged={onChanged} />
          </div>
        ))}
      </div>
    </section>
  );
}
