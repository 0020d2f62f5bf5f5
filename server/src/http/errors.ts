import type { ErrorBody, ErrorKind } from '@spie/contract';
import type { FastifyError } from 'fastify';
import { DomainError } from '../kernel/errors';

export const statusOfKind: Record<ErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  validation: 400,
  rate_limited: 429,
  internal: 500,
};

interface PgError {
  code?: string;
  constraint?: string;
  table?: string;
}

/** Maps anything thrown to a safe answer: French message, stable code, no SQL or stack. */
export function toErrorResponse(
  error: unknown,
  requestId: string,
): { status: number; body: ErrorBody; log: boolean } {
  if (error instanceof DomainError) {
    return {
      status: statusOfKind[error.kind],
      body: {
        error: {
          kind: error.kind,
          code: error.code,
          message: error.message,
          fields: error.fields,
          details: error.details,
          requestId,
        },
      },
      log: false,
    };
  }
  const fastifyError = error as FastifyError & PgError;
  if (
    fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return safe(
      400,
      'validation',
      'request.invalid_json',
      'Le contenu envoyé n’est pas un JSON valide.',
      requestId,
    );
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return safe(413, 'validation', 'request.too_large', 'Le contenu envoyé est trop volumineux.', requestId);
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return safe(
      415,
      'validation',
      'request.unsupported_media_type',
      'Format de contenu non pris en charge (JSON attendu).',
      requestId,
    );
  }
  if (fastifyError.code === '23505') {
    return safe(409, 'conflict', 'conflict.duplicate', 'Cet élément existe déjà.', requestId);
  }
  if (fastifyError.code === '23503') {
    return safe(
      409,
      'conflict',
      'conflict.reference',
      'Cet élément est lié à un autre qui n’existe pas ou plus.',
      requestId,
    );
  }
  if (fastifyError.code === '22P02' || fastifyError.code === '22007' || fastifyError.code === '22008') {
    return safe(
      400,
      'validation',
      'request.invalid_value',
      'Une valeur envoyée n’a pas le format attendu.',
      requestId,
    );
  }
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return safe(fastifyError.statusCode, 'validation', 'request.invalid', 'Requête invalide.', requestId);
  }
  return {
    status: 500,
    body: {
      error: {
        kind: 'internal',
        code: 'internal',
        message:
          'Une erreur inattendue est survenue. Réessayez ; si elle persiste, transmettez ce numéro au support.',
        requestId,
      },
    },
    log: true,
  };
}

function safe(status: number, kind: ErrorKind, code: string, message: string, requestId: string) {
  return { status, body: { error: { kind, code, message, requestId } }, log: false };
}

/** What may be logged of an error: database errors lose their message and detail (they quote values). */
export function loggableError(error: unknown): Record<string, unknown> {
  const e = error as Error & PgError & { severity?: string; routine?: string };
  if (e && typeof e === 'object' && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
    return {
      type: 'DatabaseError',
      code: e.code,
      constraint: e.constraint,
      table: e.table,
      routine: e.routine,
    };
  }
  return { type: e?.name ?? typeof error, message: e?.message, stack: e?.stack };
}
