// Remediation for one reviewed post: ask the creator to fix it (what, by when) and follow the
// request's status (sent, fixed, disputed…), each change written to the audit log by the backend.
import { useState, type FormEvent } from 'react';
import type { InputOf, OutputOf } from '../../../api/endpoints.ts';
import type { CompliancePost } from './complianceRates.ts';
import { useAction } from './useAction.ts';

type Remediation = OutputOf<'compliance.remediations.list'>[number];
type Status = InputOf<'compliance.remediations.setStatus'>['status'];
const STATUSES: readonly Status[] = ['open', 'sent', 'fixed', 'disputed', 'overdue', 'closed'];

export function RemediationPanel({ post, remediations, onChanged }: { post: CompliancePost; remediations: readonly Remediation[]; onChanged: () => void }) {
  const [what, setWhat] = useState('');
  const [dueBy, setDueBy] = useState('');
  const request = useAction('compliance.remediations.request', () => {
    setWhat('');
    onChanged();
  });
  const setStatus = useAction('compliance.remediations.setStatus', onChanged);
  const mine = remediations.filter((r) => r.postId === post.postId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void request.run({ creatorId: post.creatorId, postId: post.postId, what, dueBy });
  };
  return (
    <div role="group" aria-label="Remediation">
      {mine.length > 0 ? (
        <ul aria-label="Remediation requests">
          {mine.map((r) => (
            <li key={r.id}>
              {r.what} — due {r.dueBy} —{' '}
              <label>
                Status{' '}
                <select aria-label="Status" value={r.status} onChange={(e) => void setStatus.run({ id: r.id, status: e.target.value as Status })}>
                  {STATUSES.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      <form aria-label="Request remediation" className="compliance-form" onSubmit={submit}>
        <label>
          What to fix <input value={what} onChange={(e) => setWhat(e.target.value)} required />
        </label>
        <label>
          Fix by <input type="date" value={dueBy} onChange={(e) => setDueBy(e.target.value)} required />
        </label>
        <button type="submit" disabled={request.busy}>
          Request remediation
        </button>
      </form>
      {request.error ? <p role="alert" className="error">{request.error}</p> : null}
      {setStatus.error ? <p role="alert" className="error">{setStatus.error}</p> : null}
    </div>
  );
}
