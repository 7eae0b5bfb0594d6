// The compliance audits: pick one, or create one with its jurisdiction profile and period.
import { useState, type FormEvent } from 'react';
import type { InputOf, OutputOf } from '../../../api/endpoints.ts';
import { useCall } from '../../hooks/useCall.ts';
import { useAction } from './useAction.ts';

type Jurisdiction = InputOf<'compliance.audits.create'>['jurisdiction'];

export function AuditPicker({ selected, onSelect }: { selected: string | null; onSelect: (id: string | null) => void }) {
  const [refresh, setRefresh] = useState(0);
  const audits = useCall('compliance.audits.list', {}, refresh);
  const profiles = useCall('compliance.profiles', {});
  const [name, setName] = useState('');
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>('ftc');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const create = useAction('compliance.audits.create', (audit: OutputOf<'compliance.audits.create'>) => {
    setRefresh((n) => n + 1);
    onSelect(audit.id);
    setName('');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run({ name, jurisdiction, periodFrom: from, periodTo: to });
  };
  return (
    <section aria-labelledby="compliance-audits">
      <h2 id="compliance-audits">Compliance audits</h2>
      <label>
        Audit{' '}
        <select aria-label="Audit" value={selected ?? ''} onChange={(e) => onSelect(e.target.value === '' ? null : e.target.value)}>
          <option value="">Choose an audit…</option>
          {(audits.value ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.jurisdiction}, {a.periodFrom} to {a.periodTo})
            </option>
          ))}
        </select>
      </label>
      <form aria-label="New audit" className="compliance-form" onSubmit={submit}>
        <label>
          Audit name <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Jurisdiction{' '}
          <select aria-label="Jurisdiction" value={jurisdiction} onChange={(e) => setJurisdiction(e.target.value as Jurisdiction)}>
            {(profiles.value ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Period from <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          Period to <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <button type="submit" disabled={create.busy}>
          Create audit
        </button>
        {create.error ? <p role="alert" className="error">{create.error}</p> : null}
      </form>
    </section>
  );
}
