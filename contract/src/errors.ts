import { z } from 'zod';

/** The closed set of error kinds; each maps to one HTTP status in the server. */
export const errorKinds = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_transition',
  'validation',
  'rate_limited',
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

export const fieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldError>;

export const errorBody = z.object({
  error: z.object({
    kind: z.enum(errorKinds),
    /** Stable machine code, e.g. `organisation.siret_invalid`. */
    code: z.string(),
    /** French message for people. */
    message: z.string(),
    fields: z.array(fieldError).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** Turns zod issues into French field errors (zod messages are set in French in the schemas). */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: frenchIssueMessage(issue),
  }));
}

function frenchIssueMessage(issue: z.core.$ZodIssue): string {
  // Schemas carry French messages where they matter; this covers zod's generic cases.
  if (issue.message && !/^(Invalid|Too|Expected|Unrecognized|Required)/.test(issue.message))
    return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Ce champ est obligatoire.' : 'Valeur de type inattendu.';
    case 'too_small':
      return issue.origin === 'string'
        ? `Au moins ${issue.minimum} caractère(s).`
        : `Valeur trop petite (minimum ${issue.minimum}).`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Au plus ${issue.maximum} caractères.`
        : `Valeur trop grande (maximum ${issue.maximum}).`;
    case 'invalid_format':
      return 'Format invalide.';
    case 'invalid_value':
      return 'Valeur non autorisée.';
    case 'unrecognized_keys':
      return `Champ(s) inconnu(s) : ${issue.keys.join(', ')}.`;
    default:
      return 'Valeur invalide.';
  }
}
