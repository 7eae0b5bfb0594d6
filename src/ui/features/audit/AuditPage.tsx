// The audit page: proves the local audit log is intact (hash chain and its anchor, verified on demand),
// and holds the compliance room (audits of creators' sponsorship disclosures).
import { useState } from 'react';
import { useCall } from '../../hooks/useCall.ts';
import { ChainStatus } from './ChainStatus.tsx';
import { ComplianceRoom } from './ComplianceRoom.tsx';

export function AuditPage() {
  const [run, setRun] = useState(0);
  const { value, error, loading } = useCall('audit.verify', {}, run);
  return (
    <div className="page">
      <h1>Audit</h1>
      <p>Every decision, account change and import is written to an append-only, hash-chained log. Verification recomputes the chain and checks it against its anchor kept outside the database.</p>
      <button type="button" onClick={() => setRun((n) => n + 1)} disabled={loading}>Verify audit log</button>
      {error ? <p role="alert" className="error">{error.message}</p> : null}
      {value ? <ChainStatus verification={value} /> : null}
      <ComplianceRoom />
    </div>
  );
}
