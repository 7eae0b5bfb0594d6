// Delimited text (CSV, TSV) → rows with the line each starts on, through csv-parse's stream parser,
// handed on in one batch per chunk of text.
// Records are taken from csv-parse's on_record hook as each chunk is written, so a fatal problem
// later in the file (an unclosed quote) cannot throw away rows that were already read.
import { parse, type CsvError } from 'csv-parse';

export interface DelimitedRow {
  /** The line the record starts on (1-based; multi-line quoted cells end further down). */
  readonly line: number;
  readonly fields: string[];
}

/** The parse stopped: `line` is where the unreadable record starts. */
export interface DelimitedFailure {
  readonly line: number;
  readonly message: string;
}

/** What one chunk of text produced: its complete rows, and the failure that ended the parse, if any. */
export interface DelimitedBatch {
  readonly rows: DelimitedRow[];
  readonly failure: DelimitedFailure | null;
}

function describeCsvError(error: CsvError, line: number): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return `a quoted cell that starts on line ${line} is never closed, so the rest of the file could not be read`;
  return `the file could not be read from line ${line} on (${error.message})`;
}

/** `text` is UTF-8 bytes (or text), each chunk ending on a whole character. */
export async function* readDelimited(text: AsyncIterable<Buffer | string>, delimiter: string): AsyncGenerator<DelimitedBatch> {
  let rows: DelimitedRow[] = [];
  let lastEnd = 0;
  let lastEmpty = 0;
  const parser = parse({
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  // Records arrive as the parser pushes them, while each chunk is written: a fatal problem later in
  // the file (an unclosed quote) cannot throw away rows already read. The parser's live counters
  // say where each record ended (reading them here, instead of through on_record's context, saves
  // two objects per row).
  const { info } = parser;
  parser.on('data', (fields: string[]) => {
    rows.push({ line: lastEnd + 1 + (info.empty_lines - lastEmpty), fields });
    lastEnd = info.lines;
    lastEmpty = info.empty_lines;
  });
  let failure: CsvError | null = null;
  const finished = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (error: CsvError) => {
      failure = error;
      resolve();
    });
  });
  for await (const chunk of text) {
    if (failure) break;
    parser.write(chunk);
    // Rows travel in batches: one await per chunk instead of one per row.
    if (rows.length > 0) {
      yield { rows, failure: null };
      rows = [];
    }
  }
  if (!failure) parser.end();
  await finished;
  const ended: CsvError | null = failure;
  yield { rows, failure: ended ? { line: lastEnd + 1, message: describeCsvError(ended, lastEnd + 1) } : null };
}
