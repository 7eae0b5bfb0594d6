// Opaque page cursors: the sort key and id of the last row seen. Opaque so the UI never builds one.
export interface CursorPosition {
  readonly key: string | number;
  readonly id: string;
}

export class InvalidCursorError extends Error {}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      typeof value[1] === 'string'
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the typed error below
  }
  throw new InvalidCursorError('The page cursor is not one Stoa issued.');
}
