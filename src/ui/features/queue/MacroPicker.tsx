// The remove-with-reason picker: the removal reasons and macros offered for the item's community,
// numbered 1–9. A digit picks one (its filled text shows below, exactly as it will be sent), Enter
// sends it, Esc closes. With items selected it applies to all of them, with one reason for all.
import type { RemovalTemplateDto } from '../../../api/reasonEndpoints.ts';
import { expandMacro, fillTemplate, valuesFor, type TemplateItem } from '../../../core/removalTemplates.ts';

interface Props {
  readonly templates: readonly RemovalTemplateDto[];
  readonly chosen: number | null;
  readonly item: TemplateItem;
  /** How many items it will apply to (1: the current item). */
  readonly count: number;
  readonly canBan: boolean;
  readonly busy: boolean;
  readonly onChoose: (index: number) => void;
  readonly onApply: () => void;
  readonly onClose: () => void;
}

export function MacroPicker({ templates, chosen, item, count, canBan, busy, onChoose, onApply, onClose }: Props) {
  const picked = chosen === null ? null : templates[chosen] ?? null;
  const values = picked ? valuesFor(item, picked.rule) : null;
  const steps = picked ? expandMacro(picked, item, canBan).map((step) => step.action) : [];
  return (
    <section className="macro-picker" role="dialog" aria-label="Remove with reason">
      <h2>Remove with reason{count > 1 ? ` (${count} items)` : ''}</h2>
      {templates.length === 0 ? <p className="muted">No removal reasons for this community yet: add them with "Removal reasons".</p> : null}
      <ol className="macro-picker__list">
        {templates.slice(0, 9).map((template, index) => (
          <li key={template.id}>
            <button type="button" className={`btn macro-picker__choice${index === chosen ? ' macro-picker__choice--chosen' : ''}`} aria-pressed={index === chosen} aria-keyshortcuts={String(index + 1)} onClick={() => onChoose(index)}>
              <kbd>{index + 1}</kbd> {template.title}
              {template.message || template.note || template.banDays !== null ? <span className="muted"> (macro)</span> : null}
            </button>
          </li>
        ))}
      </ol>
      {picked && values ? (
        <div className="macro-picker__preview" aria-label="Preview">
          <p><strong>Reason:</strong> {fillTemplate(picked.reason, values)}</p>
          {picked.message ? <p><strong>Message to the author:</strong> {fillTemplate(picked.message, values)}</p> : null}
          {picked.note ? <p><strong>Note:</strong> {fillTemplate(picked.note, values)}</p> : null}
          <p className="muted">Does: {steps.join(' + ')}{picked.note ? ' + note' : ''}{picked.message ? ' + message' : ''}</p>
        </div>
      ) : null}
      <div className="macro-picker__buttons">
        <button type="button" className="btn btn--remove" disabled={!picked || busy} onClick={onApply}>Send <kbd>Enter</kbd></button>
        <button type="button" className="btn" onClick={onClose}>Cancel <kbd>Esc</kbd></button>
      </div>
    </section>
  );
}
