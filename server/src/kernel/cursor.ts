import { DomainError } from './errors';

/** Opaque keyset cursor: the sort key of the last row of a page. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // falls through to the error below
  }
  throw new DomainError(
    'validation',
    'pagination.invalid_cursor',
    'Lien de page invalide : revenez à la première page.',
    [{ path: 'after', message: 'Curseur de pagination invalide.' }],
  );
}
