import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may reach a route at all, before the use case's own rule runs:
 * - `public`: no session needed (login page, health, public APIs);
 * - `account`: a signed-in human, even before choosing a membership (membership choice, logout);
 * - `member`: a signed-in human acting through an active membership (the default).
 */
export type RouteAccess = 'public' | 'account' | 'member';

type AnyZod = z.ZodType;

export interface RouteDefinition<
  P extends AnyZod = AnyZod,
  Q extends AnyZod = AnyZod,
  B extends AnyZod = AnyZod,
  R extends AnyZod = AnyZod,
> {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tags: string[];
  access: RouteAccess;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** Status of a successful answer. */
  status: 200 | 201 | 204;
  /** Larger request bodies (uploads), in bytes; the server default is 1 MiB. */
  bodyLimitBytes?: number;
  /** The answer is a file (the handler sets its headers), not JSON. */
  binary?: boolean;
}

const empty = z.object({});
type Empty = typeof empty;

export function defineRoute<
  P extends AnyZod = Empty,
  Q extends AnyZod = Empty,
  B extends AnyZod = Empty,
  R extends AnyZod = AnyZod,
>(def: {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tags: string[];
  access?: RouteAccess;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: 200 | 201 | 204;
  bodyLimitBytes?: number;
  binary?: boolean;
}): RouteDefinition<P, Q, B, R> {
  return {
    ...def,
    access: def.access ?? 'member',
    params: (def.params ?? empty) as P,
    query: (def.query ?? empty) as Q,
    body: (def.body ?? empty) as B,
    status: def.status ?? (def.method === 'POST' ? 201 : 200),
  };
}

export type AnyRoute = RouteDefinition<AnyZod, AnyZod, AnyZod, AnyZod>;
export type RouteParams<T extends AnyRoute> = z.input<T['params']>;
export type RouteQuery<T extends AnyRoute> = z.input<T['query']>;
export type RouteBody<T extends AnyRoute> = z.input<T['body']>;
export type RouteResponse<T extends AnyRoute> = z.output<T['response']>;

/** Builds `/api/x/123` from `/api/x/:id` and params. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

export const ok = z.object({ ok: z.literal(true) });

/** Keyset page: `next` is an opaque cursor to pass back as `after`. */
export function page<T extends AnyZod>(item: T) {
  return z.object({ items: z.array(item), next: z.string().nullable() });
}
export const pageQuery = z.object({
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const uuid = z.uuid({ message: 'Identifiant invalide.' });
export const idParams = z.object({ id: uuid });
