// Writing CSV (RFC 4180): fields with commas, quotes or line breaks are quoted, quotes doubled.
// A field a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, so an
// exported log cannot execute a moderator's or a spammer's text when opened.
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (fields: readonly (string | number | null)[]): string => `${fields.map(csvField).join(',')}\r\n`;
