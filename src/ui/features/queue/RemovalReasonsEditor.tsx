// Managing removal reasons and macros: a title, the rule, the reason text and optionally a
// message to the author, a private note and a ban, for one community or every community, with
// the placeholders {author}, {community}, {rule} and {link}. The order is the digit that picks it.
import { useCallback, useEffect, useState } from 'react';
import type { RemovalTemplateDto } from '../../../api/reasonEndpoints.ts';
import { TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from '../../../core/removalTemplates.ts';
import { useClient } from '../../apiContext.tsx';

interface Draft {
  id?: string;
  communityId: string;
  title: string;
  rule: string;
  reason: string;
  message: string;
  note: string;
  banDays: string;
  remoteReasonId: string;
}

const EMPTY: Draft = { communityId: '', title: '', rule: '', reason: '', message: '', note: '', banDays: '', remoteReasonId: '' };

const draftOf = (t: RemovalTemplateDto): Draft => ({
  id: t.id,
  communityId: t.communityId ?? '',
  title: t.title,
  rule: t.rule,
  reason: t.reason,
  message: t.message ?? '',
  note: t.note ?? '',
  banDays: t.banDays === null ? '' : String(t.banDays),
  remoteReasonId: t.remoteReasonId ?? '',
});

export function RemovalReasonsEditor({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const client = useClient();
  const [templates, setTemplates] = useState<RemovalTemplateDto[]>([]);
  const [communities, setCommunities] = useState<{ id: string; platform: string; name: string }[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const [list, places] = await Promise.all([client.call('reasons.list', {}), client.call('reasons.communities', {})]);
    if (list.ok) setTemplates(list.value);
    if (places.ok) setCommunities(places.value);
  }, [client]);
  useEffect(() => void reload(), [reload]);

  const typos = unknownPlaceholders([draft.reason, draft.message, draft.note].join(' '));
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });

  const save = async () => {
    setProblem(null);
    const banDays = draft.banDays.trim() === '' ? null : Number(draft.banDays);
    const reply = await client.call('reasons.save', {
      ...(draft.id ? { id: draft.id } : {}),
      communityId: draft.communityId || null,
      title: draft.title,
      rule: draft.rule,
      reason: draft.reason,
      message: draft.message,
      note: draft.note,
      banDays,
      remoteReasonId: draft.remoteReasonId,
    });
    if (!reply.ok) {
      setProblem(reply.error.message);
      return;
    }
    setDraft(EMPTY);
    await reload();
    onSaved();
  };

  const remove = async (id: string) => {
    const reply = await client.call('reasons.delete', { id });
    if (!reply.ok) setProblem(reply.error.message);
    await reload();
    onSaved();
  };

  return (
    <section className="reasons-editor" role="dialog" aria-label="Removal reasons">
      <h2>Removal reasons and macros</h2>
      <ol className="reasons-editor__list">
        {templates.map((t) => (
          <li key={t.id}>
            {t.title} <span className="muted">{communities.find((c) => c.id === t.communityId)?.name ?? 'every community'}</span>
            <button type="button" className="btn btn--small" onClick={() => setDraft(draftOf(t))}>Edit</button>
            <button type="button" className="btn btn--small" aria-label={`Delete ${t.title}`} onClick={() => void remove(t.id)}>Delete</button>
          </li>
        ))}
      </ol>
      <form
        className="reasons-editor__form"
        aria-label={draft.id ? 'Edit removal reason' : 'New removal reason'}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>Title<input type="text" required maxLength={100} value={draft.title} onChange={set('title')} /></label>
        <label>
          Community
          <select value={draft.communityId} onChange={set('communityId')}>
            <option value="">Every community</option>
            {communities.map((c) => <option key={c.id} value={c.id}>{c.platform}: {c.name}</option>)}
          </select>
        </label>
        <label>Rule<input type="text" maxLength={200} value={draft.rule} onChange={set('rule')} /></label>
        <label>Reason<textarea required maxLength={1000} value={draft.reason} onChange={set('reason')} /></label>
        <label>Message to the author (optional)<textarea maxLength={5000} value={draft.message} onChange={set('message')} /></label>
        <label>Private note (optional)<textarea maxLength={1000} value={draft.note} onChange={set('note')} /></label>
        <label>Ban days (optional; 0 = permanent)<input type="number" min={0} max={999} value={draft.banDays} onChange={set('banDays')} /></label>
        <label>Reddit removal reason id (optional)<input type="text" maxLength={100} value={draft.remoteReasonId} onChange={set('remoteReasonId')} /></label>
        <p className="muted">Placeholders: {TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}</p>
        {typos.length > 0 ? <p role="alert" className="error">Stoa cannot fill {typos.map((t) => `{${t}}`).join(', ')}; use one of the placeholders above.</p> : null}
        {problem ? <p role="alert" className="error">{problem}</p> : null}
        <div className="macro-picker__buttons">
          <button type="submit" className="btn">{draft.id ? 'Save reason' : 'Add reason'}</button>
          {draft.id ? <button type="button" className="btn" onClick={() => setDraft(EMPTY)}>New</button> : null}
          <button type="button" className="btn" onClick={onClose}>Close <kbd>Esc</kbd></button>
        </div>
      </form>
    </section>
  );
}
