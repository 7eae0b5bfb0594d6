// The models score an item's title and body as one text (title, a newline, body), so evidence
// offsets count from the title's first character. The UI shows title and body apart: these rules
// say what was scored and move each span onto the field it falls in.

export const scoredText = (item: { readonly title: string | null; readonly body: string }): string =>
  item.title !== null && item.title !== '' ? `${item.title}\n${item.body}` : item.body;

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Spans over `scoredText(item)` split into spans over the title and over the body (a span across both is cut in two). */
export function spansByField<T extends Span>(title: string | null, spans: readonly T[]): { readonly title: T[]; readonly body: T[] } {
  if (title === null || title === '') return { title: [], body: [...spans] };
  const bodyStart = title.length + 1;
  const inTitle: T[] = [];
  const inBody: T[] = [];
  for (const span of spans) {
    if (span.start < title.length) inTitle.push({ ...span, end: Math.min(span.end, title.length) });
    if (span.end > bodyStart) inBody.push({ ...span, start: Math.max(span.start, bodyStart) - bodyStart, end: span.end - bodyStart });
  }
  return { title: inTitle, body: inBody };
}
