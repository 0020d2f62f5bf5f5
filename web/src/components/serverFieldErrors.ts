import type { FieldError } from '@spie/contract';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../api';

/**
 * Puts the server's field errors (`error.fields[].path`, e.g. `organisation.address.postalCode`)
 * under the matching inputs. `prefix` is removed first (update bodies wrap the form in a key).
 * Returns the errors that match no input, to be shown in the page's alert.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownPaths: readonly string[],
  prefix = '',
): FieldError[] {
  if (!isApiError(error)) return [];
  const unmatched: FieldError[] = [];
  let first = true;
  for (const field of error.fields) {
    const path =
      prefix && field.path.startsWith(`${prefix}.`) ? field.path.slice(prefix.length + 1) : field.path;
    if (knownPaths.includes(path)) {
      setError(path as FieldPath<T>, { type: 'server', message: field.message }, { shouldFocus: first });
      first = false;
    } else {
      unmatched.push(field);
    }
  }
  return unmatched;
}
