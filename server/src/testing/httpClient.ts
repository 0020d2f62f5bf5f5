import { type AnyRoute, buildPath } from '@spie/contract';
import type { FastifyInstance } from 'fastify';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/**
 * A browser-like client over app.inject: keeps cookies, sends the CSRF header on writes.
 * Tests go through the same HTTP stack (hooks, error mapping) as real requests.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfEnabled = true;

  constructor(private readonly app: FastifyInstance) {}

  async request<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    if (!this.cookies.has('spie_csrf') && method !== 'GET') await this.request('GET', '/api/auth/session');
    const cookie = [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method !== 'GET' && this.csrfEnabled && this.cookies.get('spie_csrf')
          ? { 'x-csrf-token': this.cookies.get('spie_csrf') as string }
          : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const cleared = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now());
      if (cleared) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const text = res.body;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (HTML pages)
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  call<T = unknown>(
    route: AnyRoute,
    input: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {},
  ) {
    const path = buildPath(route.path, input.params ?? {});
    const qs = input.query ? `?${new URLSearchParams(input.query).toString()}` : '';
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
    return this.request<T>(route.method, `${path}${qs}`, hasBody ? (input.body ?? {}) : undefined);
  }
}
