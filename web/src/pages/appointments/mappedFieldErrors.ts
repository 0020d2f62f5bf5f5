import type { FieldError } from '@spie/contract';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../../api';

/**
 * Like `applyServerFieldErrors`, for forms whose inputs differ from the body (a date and a time
 * input make `startsAt`): each server path goes through `toFormPath` first. Returns the errors
 * that match no input, to list under the page's alert.
 */
export function applyMappedFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  isKnown: (path: string) => boolean,
  toFormPath: (serverPath: string) => string,
): FieldError[] {
  if (!isApiError(error)) return [];
  const unmatched: FieldError[] = [];
  let first = true;
  for (const field of error.fields) {
    const path = toFormPath(field.path);
    if (isKnown(path)) {
      setError(path as FieldPath<T>, { type: 'server', message: field.message }, { shouldFocus: first });
      first = false;
    } else {
      unmatched.push(field);
    }
  }
  return unmatched;
}
