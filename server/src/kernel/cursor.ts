import { DomainError } from './errors';

/** Opaque keyset cursor: the sort key of the last row of a page. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

type CursorValues = (string | number)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuidValue = (v: unknown) => typeof v === 'string' && UUID.test(v);
export const isTimestampValue = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * `isValid` checks the values' shapes: a forged cursor must be refused here, not reach SQL as a
 * cast error (or, for an invalid date, crash the PGlite driver into a 500).
 */
export function decodeCursor(
  cursor: string | undefined,
  length: number,
  isValid: (values: CursorValues) => boolean = () => true,
): CursorValues | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => typeof v === 'string' || typeof v === 'number') &&
      isValid(values)
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
