// The composer: a post for one or more targets built from the media library, with the caption
// editor, product tags placed on each image, the paid-partnership label and brand partner, and the
// checks listed live with their one-click fixes. The draft autosaves a moment after each change
// (every save is a revision, so Undo works after a restart too), and a valid post is published from here.
import { useEffect, useRef, useState } from 'react';
import { applyEdits } from '../../../core/disclosureLinter.ts';
import { POST_TARGETS, type PostTarget } from '../../../core/postLimits.ts';
import { RENDITION_SPECS, RENDITION_TARGETS } from '../../../core/renditionTargets.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import { ComposerCaption } from './ComposerCaption.tsx';
import { ComposerChecks } from './ComposerChecks.tsx';
import { ComposerPreview } from './ComposerPreview.tsx';
import { ComposerPublish } from './ComposerPublish.tsx';
import { ComposerTagging } from './ComposerTagging.tsx';
import { withCrop } from './cropChange.ts';
import { EMPTY_CONTENT, type Check, type Content, type Fix } from './composerDraft.ts';
import { MediaPreview } from './MediaPreview.tsx';
import { RightsPanel } from './RightsPanel.tsx';
import { contentOfPost } from './composerPost.ts';
import { pinLink, useFirstProductLink } from './pinterestLink.ts';
import { PinterestPinFields } from './PinterestPinFields.tsx';
import './composer.css';

const CHECK_DELAY_MS = 120;
const SAVE_DELAY_MS = 700;

/** postId: open a saved post (a draft made from a queue item) instead of starting a new one. */
export function ComposerPanel({ postId }: { postId?: string } = {}) {
  const client = useClient();
  const { value: library } = useCall('media.list', { limit: 200 });
  const [content, setContent] = useState<Content>(EMPTY_CONTENT);
  const [check, setCheck] = useState<Check | null>(null);
  const [selected, setSelected] = useState(0);
  const [saved, setSaved] = useState<{ id: string; revision: number; state: string } | null>(null);
  const [status, setStatus] = useState('');
  const dirty = useRef(false);
  const [rightsTick, setRightsTick] = useState(0);
  const savedRef = useRef(saved);
  savedRef.current = saved;

  const edit = (change: Partial<Content>) => {
    dirty.current = true;
    setContent((c) => ({ ...c, ...change }));
  };

  // Opening a saved post: its content is the working copy, its revision the base of the next save.
  useEffect(() => {
    if (postId === undefined) return;
    let cancelled = false;
    void client.call('posts.get', { id: postId }).then((reply) => {
      if (cancelled) return;
      if (!reply.ok) return setStatus(reply.error.message);
      setContent(contentOfPost(reply.value));
      setSaved({ id: reply.value.id, revision: reply.value.revision, state: reply.value.state });
    });
    return () => {
      cancelled = true;
    };
  }, [client, postId]);

  // Live check of the unsaved draft.
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      // Naming the saved post lets rules on the post itself (its rights request) apply while typing.
      void client.call('posts.validate', { draft: content, ...(savedRef.current ? { postId: savedRef.current.id } : {}) }).then((reply) => {
        if (cancelled) return;
        if (reply.ok) setCheck(reply.value);
        else setStatus(reply.error.message);
      });
    }, CHECK_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, content, rightsTick]);

  // Autosave: the first save creates the post, later ones update the revision they were based on.
  // One save at a time: an edit made while one is in flight is saved when it returns.
  const saving = useRef(false);
  const [saveTick, setSaveTick] = useState(0);
  useEffect(() => {
    if (!dirty.current || content.media.length === 0) return;
    const timer = setTimeout(() => {
      if (saving.current) return;
      saving.current = true;
      dirty.current = false;
      const current = savedRef.current;
      const reply = current ? client.call('posts.update', { id: current.id, baseRevision: current.revision, content }) : client.call('posts.create', { content });
      void reply.then((r) => {
        saving.current = false;
        if (!r.ok) {
          setStatus(r.error.message);
          return;
        }
        setSaved({ id: r.value.post.id, revision: r.value.post.revision, state: r.value.post.state });
        setStatus(`Saved revision ${r.value.post.revision} (${r.value.post.state}).`);
        if (dirty.current) setSaveTick((n) => n + 1);
      });
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [client, content, saveTick]);

  async function undo() {
    if (!saved || saved.revision < 2) return;
    const reply = await client.call('posts.revisions', { id: saved.id, limit: 2 });
    const previous = reply.ok ? reply.value.revisions[1] : undefined;
    if (!previous) return;
    dirty.current = true;
    setContent(previous.content);
    setStatus(`Restoring revision ${previous.revision}…`);
  }

  const applyFix = (fix: Fix) => {
    if (fix.kind === 'edit') edit({ caption: applyEdits(content.caption, fix.edits) });
    else edit({ paidPartnership: true });
  };

  const toggleTarget = (target: PostTarget, on: boolean) => {
    const targets = on ? POST_TARGETS.filter((t) => t === target || content.targets.includes(t)) : content.targets.filter((t) => t !== target);
    if (targets.length > 0) edit({ targets });
  };

  const removeMedia = (index: number) => {
    edit({
      media: content.media.filter((_, i) => i !== index),
      productTags: content.productTags.filter((t) => t.mediaIndex !== index).map((t) => (t.mediaIndex > index ? { ...t, mediaIndex: t.mediaIndex - 1 } : t)),
    });
    setSelected(0);
  };

  // A rights answer checks the post again on the server (a new revision, maybe a new state): follow it.
  const afterRights = () => {
    if (!saved) return;
    void client.call('posts.get', { id: saved.id }).then((reply) => {
      if (reply.ok) setSaved({ id: reply.value.id, revision: reply.value.revision, state: reply.value.state });
    });
    setRightsTick((n) => n + 1);
  };

  const current = content.media[selected];
  const productLink = useFirstProductLink(content.productTags.map((t) => t.productId));
  const pin = pinLink(content.link, productLink);

  return (
    <div className="composer-panel">
      <section className="composer-media" aria-label="Post images">
        <h2>Images</h2>
        <ol className="composer-selected">
          {content.media.map((m, i) => (
            <li key={`${m.assetId}-${i}`}>
              <button type="button" aria-pressed={i === selected} onClick={() => setSelected(i)}>
                <MediaPreview assetId={m.assetId} alt={m.altText || `Image ${i + 1}`} />
              </button>
              <input aria-label={`Alt text for image ${i + 1}`} placeholder="Alt text" value={m.altText} onChange={(e) => edit({ media: content.media.map((x, j) => (j === i ? { ...x, altText: e.target.value } : x)) })} />
              <select aria-label={`Crop of image ${i + 1}`} value={m.crop ?? ''} onChange={(e) => edit(withCrop(content, i, e.target.value, library?.assets ?? []))}>
                <option value="">Original shape</option>
                {RENDITION_TARGETS.map((t) => (
                  <option key={t} value={t}>
                    {RENDITION_SPECS[t].label}
                  </option>
                ))}
              </select>
              <button type="button" className="btn" onClick={() => removeMedia(i)}>
                Remove
              </button>
            </li>
          ))}
        </ol>
        <h3>Library</h3>
        <ul className="composer-library">
          {(library?.assets ?? []).map((a) => (
            <li key={a.id}>
              <button type="button" aria-label={`Add ${a.originalName}`} onClick={() => edit({ media: [...content.media, { assetId: a.id, altText: a.altText, crop: null }] })}>
                <MediaPreview assetId={a.id} alt={a.altText || a.originalName} />
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="composer-editor" aria-label="Post">
        <fieldset className="composer-targets">
          <legend>Targets</legend>
          {POST_TARGETS.map((t) => (
            <label key={t}>
              <input type="checkbox" checked={content.targets.includes(t)} onChange={(e) => toggleTarget(t, e.target.checked)} /> {t}
            </label>
          ))}
        </fieldset>
        <ComposerCaption caption={content.caption} targets={content.targets} onChange={(caption) => edit({ caption })} />
        {content.targets.includes('pinterest') ? <PinterestPinFields postId={saved?.id ?? null} title={content.title} link={content.link} caption={content.caption} pinLink={pin} onChange={edit} /> : null}
        <label className="composer-partnership">
          <input type="checkbox" checked={content.paidPartnership} onChange={(e) => edit({ paidPartnership: e.target.checked })} /> Paid partnership label
        </label>
        <label className="composer-brand">
          Brand partner <input value={content.brandPartner ?? ''} placeholder="@brand" onChange={(e) => edit({ brandPartner: e.target.value === '' ? null : e.target.value })} />
        </label>
        {saved ? <RightsPanel postId={saved.id} onChanged={afterRights} /> : null}
        <ComposerChecks check={check} caption={content.caption} onFix={applyFix} />
        {current ? <ComposerTagging key={`${current.assetId}-${selected}-${current.crop ?? ''}`} assetId={current.assetId} crop={current.crop} mediaIndex={selected} tags={content.productTags} onChange={(productTags) => edit({ productTags })} /> : <p className="muted">Add an image from the library to start a post.</p>}
        <ComposerPreview content={content} pinLink={pin} />
        <div className="composer-save">
          <span className="muted" role="status">
            {status}
          </span>{' '}
          <button type="button" className="btn" disabled={!saved || saved.revision < 2} onClick={() => void undo()}>
            Undo
          </button>
        </div>
        <ComposerPublish postId={saved?.id ?? null} state={saved?.state ?? null} />
      </section>
    </div>
  );
}
