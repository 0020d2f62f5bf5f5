import type { ErrorKind, FieldError } from '@spie/contract';

/**
 * The one error type use cases throw. `code` is stable (clients and tests rely on it),
 * `message` is French and safe to show: never SQL, stack traces or personal data.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (code: string, message = 'Élément introuvable ou non accessible.') =>
  new DomainError('not_found', code, message);
export const forbidden = (code = 'forbidden', message = "Vous n'avez pas les droits pour cette action.") =>
  new DomainError('forbidden', code, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', code, message, undefined, details);
export const validation = (
  code: string,
  fields: FieldError[],
  message = 'Certaines informations sont à corriger.',
) => new DomainError('validation', code, message, fields);
export const fieldError = (code: string, path: string, message: string) =>
  new DomainError('validation', code, message, [{ path, message }]);
export const unauthenticated = () =>
  new DomainError(
    'unauthenticated',
    'auth.required',
    'Vous devez être connecté·e pour accéder à ce contenu.',
  );

/** Optimistic concurrency: the editor's version is older than the stored one. */
export const staleVersion = (subject: string, current: unknown) =>
  new DomainError(
    'conflict',
    `${subject}.version_conflict`,
    "Quelqu'un a modifié ces informations pendant que vous les modifiiez. Rechargez la page pour voir la version actuelle, puis refaites vos changements.",
    undefined,
    { current },
  );
