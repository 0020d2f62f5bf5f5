import { type AnyRoute, buildPath, type ErrorKind, errorBody, type FieldError } from '@spie/contract';
import type { z } from 'zod';

/** Name of the cookie the server sets and that JavaScript reads to answer the CSRF check. */
const csrfCookieName = 'spie_csrf';

/** An error answered by the server in the contract's `errorBody` shape (or a network failure). */
export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly status: number;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;
  /** Machine-readable context some errors carry (e.g. the current version on a conflict). */
  readonly details: Record<string, unknown> | undefined;

  constructor(init: {
    kind: ErrorKind;
    code: string;
    message: string;
    status: number;
    fields?: FieldError[] | undefined;
    requestId?: string | undefined;
    details?: Record<string, unknown> | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.code = init.code;
    this.status = init.status;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True when every field of T is optional (an empty schema included): the part may then be left out. */
type AllOptional<T> = Record<never, never> extends T ? true : false;

/** Request parts typed from the route: a part is required only when its schema has a required field. */
export type CallOptions<R extends AnyRoute> = (AllOptional<z.input<R['params']>> extends true
  ? { params?: z.input<R['params']> }
  : { params: z.input<R['params']> }) & { query?: z.input<R['query']> } & (AllOptional<
    z.input<R['body']>
  > extends true
    ? { body?: z.input<R['body']> }
    : { body: z.input<R['body']> });

export type CallArgs<R extends AnyRoute> =
  AllOptional<z.input<R['params']>> extends true
    ? AllOptional<z.input<R['body']>> extends true
      ? [options?: CallOptions<R>]
      : [options: CallOptions<R>]
    : [options: CallOptions<R>];

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function toSearch(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function toApiError(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = errorBody.safeParse(json);
  if (parsed.success) return new ApiError({ ...parsed.data.error, status: response.status });
  return new ApiError({
    kind: response.status === 401 ? 'unauthenticated' : 'internal',
    code: `http.${response.status}`,
    message:
      response.status === 401
        ? 'Vous devez vous connecter pour continuer.'
        : 'Le serveur a rencontré un problème. Réessayez dans quelques instants.',
    status: response.status,
  });
}

/** Listeners told when the server answers 401, so the app can send the person to the login page. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/**
 * Calls one contract route. The answer is parsed with the route's response schema, so the page
 * receives exactly the contract's output type (and a drift between server and contract is caught).
 */
export async function call<R extends AnyRoute>(
  route: R,
  ...args: CallArgs<R>
): Promise<z.output<R['response']>> {
  const options = (args[0] ?? {}) as { params?: object; query?: object; body?: unknown };
  const url =
    buildPath(route.path, options.params as Record<string, string | number> | undefined) +
    toSearch(options.query as Record<string, unknown> | undefined);
  const headers: Record<string, string> = { accept: 'application/json' };
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  if (hasBody) headers['content-type'] = 'application/json';
  if (route.method !== 'GET') {
    const csrf = readCookie(csrfCookieName);
    if (csrf) headers['x-csrf-token'] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method,
      headers,
      credentials: 'same-origin',
      body: hasBody ? JSON.stringify(options.body ?? {}) : undefined,
    });
  } catch {
    throw new ApiError({
      kind: 'internal',
      code: 'network',
      message: 'Le serveur ne répond pas. Vérifiez votre connexion internet puis réessayez.',
      status: 0,
    });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401) for (const listener of unauthenticatedListeners) listener();
    throw error;
  }
  if (response.status === 204) return undefined as z.output<R['response']>;

  const json: unknown = await response.json();
  const parsed = route.response.safeParse(json);
  if (!parsed.success) {
    console.error(`Réponse inattendue pour ${route.id}`, parsed.error.issues);
    throw new ApiError({
      kind: 'internal',
      code: 'contract.response_mismatch',
      message:
        'La réponse du serveur est inattendue. Rechargez la page ; si le problème continue, signalez-le.',
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? undefined,
    });
  }
  return parsed.data as z.output<R['response']>;
}
