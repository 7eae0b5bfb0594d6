// The rights request of a post made from a community item: the message to the author (a template
// with {author}, {community}, {brand}, {link}, editable until it is sent, previewed filled in), how
// to send it, and the author's answer. Granted lets the post be published; refused blocks it for
// good. Each change is recorded with who and when (the audit log keeps the history).
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';

type Request = OutputOf<'rights.markSent'>;

const STATUS_TEXT: Record<Request['status'], string> = { asked: 'Asked', granted: 'Granted', refused: 'Refused' };

/** `onChanged`: the post was checked again after a change (its state may have moved). */
export function RightsPanel({ postId, onChanged }: { postId: string; onChanged: () => void }) {
  const client = useClient();
  const [request, setRequest] = useState<Request | null>(null);
  const [template, setTemplate] = useState('');
  const [brand, setBrand] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    let cancelled = false;
    void client.call('rights.get', { postId }).then((reply) => {
      if (cancelled) return;
      if (!reply.ok) setError(reply.error.message);
      else if (reply.value) {
        setRequest(reply.value);
        setTemplate(reply.value.template);
        setBrand(reply.value.brand);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [client, postId]);

  if (!request) return error ? <p role="alert">{error}</p> : null;
  const editable = request.sentAt === null && request.status === 'asked';
  const edited = template !== request.template || brand !== request.brand;

  async function update(change: { status?: Request['status']; template?: string; brand?: string }) {
    if (!request) return;
    setError('');
    const reply = await client.call('rights.update', { id: request.id, ...change });
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    setRequest(reply.value.request);
    setTemplate(reply.value.request.template);
    setBrand(reply.value.request.brand);
    onChanged();
  }

  async function markSent() {
    if (!request) return;
    setError('');
    const reply = await client.call('rights.markSent', { id: request.id });
    if (reply.ok) setRequest(reply.value);
    else setError(reply.error.message);
  }

  return (
    <section className="rights-panel" aria-label="Rights request">
      <h3>Rights request to @{request.author}</h3>
      <p>
        <span className={`rights-status rights-status--${request.status}`} aria-label="Rights status">
          {STATUS_TEXT[request.status]}
        </span>{' '}
        <span className="muted">
          {new Date(request.updatedAt).toLocaleString()} by {request.actor}
          {request.sentAt ? ` · sent ${request.sentVia === 'manual' ? 'by hand' : 'through the outbox'} ${new Date(request.sentAt).toLocaleString()}` : ' · not sent yet'}
        </span>
      </p>
      {request.status === 'refused' ? <p role="alert">@{request.author} refused: this post cannot be published or scheduled. Start a new post without their content.</p> : null}
      <label>
        Brand <input value={brand} disabled={!editable} placeholder="Your brand" onChange={(e) => setBrand(e.target.value)} />
      </label>
      <label>
        Message template <span className="muted">({'{author} {community} {brand} {link}'})</span>
        <textarea rows={4} value={template} disabled={!editable} onChange={(e) => setTemplate(e.target.value)} />
      </label>
      {editable && edited ? (
        <button type="button" className="btn" onClick={() => void update({ ...(template.trim() ? { template } : {}), ...(brand.trim() ? { brand } : {}) })}>
          Save message
        </button>
      ) : null}
      <p aria-label="Message to the author" className="rights-message">
        {request.messageSent ?? (request.message.ok ? request.message.text : request.message.message)}
      </p>
      {editable ? (
        <p>
          <button type="button" className="btn" disabled={!request.message.ok || edited} onClick={() => void markSent()}>
            Mark as sent
          </button>{' '}
          <span className="muted">{request.outbox.reason}</span>
        </p>
      ) : null}
      {request.status !== 'refused' ? (
        <p>
          {request.status === 'asked' ? (
            <button type="button" className="btn" onClick={() => void update({ status: 'granted' })}>
              Granted
            </button>
          ) : null}{' '}
          <button type="button" className="btn" onClick={() => void update({ status: 'refused' })}>
            Refused
          </button>
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
