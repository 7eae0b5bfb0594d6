// Shows an item's text with the evidence spans behind its scores highlighted, so a reviewer can
// check why a model said what it said.
import type { ItemDetail } from '../../../api/schemas.ts';

type Span = ItemDetail['scoreDetails'][number]['evidence'][number];

/** `as` is the element the text is shown in: a paragraph for the body, a heading for a title. */
export function EvidenceText({ text, evidence, as: Element = 'p' }: { text: string; evidence: Span[]; as?: 'p' | 'h3' }) {
  const spans = [...evidence].filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start).sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping spans: the first one wins
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={`${span.task}-${span.start}`} className={`evidence evidence--${span.task}`} title={`${span.task}: weight ${span.weight.toFixed(2)}`}>
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  parts.push(text.slice(at));
  return <Element className={Element === 'p' ? 'item-text' : undefined}>{parts}</Element>;
}
