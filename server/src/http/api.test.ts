import { allRoutes, type ErrorBody } from '@spie/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../testing/fixtures';
import { TestClient } from '../testing/httpClient';
import { createTestContext, type TestContext } from '../testing/testContext';

let ctx: TestContext;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await loginAs(ctx, 'Fontaine');
});
afterAll(() => ctx.close());

const errorOf = (body: unknown) => (body as ErrorBody).error;
const NO_LEAK = /select|insert|update |delete from|at .*\.ts|node_modules|\bpg\b|kysely|stack/i;

/** A raw request with the admin's cookies and CSRF header (to send a body that is not JSON). */
function raw(method: 'POST' | 'PUT', url: string, payload: string, contentType = 'application/json') {
  return ctx.app.inject({
    method,
    url,
    payload,
    headers: {
      cookie: [...admin.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': admin.cookies.get('spie_csrf') as string,
      'content-type': contentType,
    },
  });
}

describe('HTTP errors', () => {
  it('an unknown /api route is a 404 JSON error', async () => {
    const res = await new TestClient(ctx.app).request('GET', '/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(errorOf(res.body)).toMatchObject({
      kind: 'not_found',
      code: 'route.not_found',
      message: 'Cette adresse n’existe pas.',
    });
    expect(errorOf(res.body).requestId).toBe(res.headers['x-request-id']);
    // also for other methods
    const post = await admin.request('POST', '/api/nowhere', {});
    expect(post.status).toBe(404);
    expect(errorOf(post.body).code).toBe('route.not_found');
  });

  it('an invalid JSON body is a 400 in French', async () => {
    const res = await raw('POST', '/api/organisations', '{"name": "oops",');
    expect(res.statusCode).toBe(400);
    const body = res.json() as ErrorBody;
    expect(body.error).toMatchObject({
      kind: 'validation',
      code: 'request.invalid_json',
      message: 'Le contenu envoyé n’est pas un JSON valide.',
    });
    expect(JSON.stringify(body)).not.toMatch(NO_LEAK);
  });

  it('a body in another format is refused with 415', async () => {
    const res = await raw('POST', '/api/organisations', 'name=oops', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect((res.json() as ErrorBody).error.code).toBe('request.unsupported_media_type');
  });

  it('a body over 1 MiB is refused with 413', async () => {
    const res = await raw('POST', '/api/organisations', JSON.stringify({ name: 'x'.repeat(1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect((res.json() as ErrorBody).error.code).toBe('request.too_large');
  });

  it('errors never contain SQL or a stack', async () => {
    const forgedInboxCursor = Buffer.from(JSON.stringify(['garbage', 'x'])).toString('base64url');
    const forgedAccountsCursor = Buffer.from(JSON.stringify(['a', 'b', "x' or 1=1 --"])).toString(
      'base64url',
    );
    const answers = [
      await admin.request('GET', '/api/organisations/not-a-uuid'),
      await admin.request('GET', '/api/organisations/00000000-0000-4000-8000-000000000000'),
      await admin.request('GET', `/api/demo/inbox?after=${forgedInboxCursor}`),
      await admin.request('GET', `/api/accounts?after=${forgedAccountsCursor}`),
      await admin.request('GET', '/api/audit?after=99999999999999999999999'),
      await admin.request('POST', '/api/organisations', { kind: 'nope', name: '' }),
      await admin.request('PUT', '/api/territory/settings', {
        settings: { orientationDelayDays: 'abc' },
        version: 'x',
      }),
      await admin.request('GET', '/api/communes?q=a'),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 404, 400, 400, 400, 400, 400, 400]);
    for (const a of answers) {
      expect(JSON.stringify(a.body)).not.toMatch(NO_LEAK);
      expect(errorOf(a.body).message).toMatch(/[a-zà-ÿ]/);
    }
    expect(errorOf(answers[0]?.body).fields).toEqual([{ path: 'id', message: 'Identifiant invalide.' }]);
    expect(errorOf(answers[2]?.body).code).toBe('pagination.invalid_cursor');
    expect(errorOf(answers[3]?.body).code).toBe('pagination.invalid_cursor');
  });

  it('every answer carries an x-request-id, unique per request', async () => {
    const client = new TestClient(ctx.app);
    const answers = [
      await client.request('GET', '/healthz'),
      await client.request('GET', '/api/auth/session'),
      await client.request('GET', '/api/territory'),
      await client.request('GET', '/api/nope'),
      await client.request('GET', '/api/docs'),
      await admin.request('GET', '/api/territory'),
    ];
    const ids = answers.map((a) => a.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(answers[2]?.status).toBe(401);
  });

  it('sets the security headers', async () => {
    const res = await new TestClient(ctx.app).request('GET', '/api/auth/session');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
    });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('probes', () => {
  it('/healthz and /readyz answer 200', async () => {
    const client = new TestClient(ctx.app);
    const health = await client.request('GET', '/healthz');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await client.request('GET', '/readyz');
    expect(ready).toMatchObject({ status: 200, body: { status: 'ready' } });
  });
});

describe('API documentation', () => {
  it('GET /api/docs/openapi.json is OpenAPI 3 and lists every contract route with its operationId', async () => {
    const res = await new TestClient(ctx.app).request<{
      openapi: string;
      info: { title: string };
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string;
            security: unknown[];
            requestBody?: unknown;
            responses: Record<string, unknown>;
          }
        >
      >;
    }>('GET', '/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(res.body.info.title).toBe('SPIE — API');
    const operations = Object.entries(res.body.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, op })),
    );
    expect(operations).toHaveLength(allRoutes.length);
    for (const route of allRoutes) {
      const key = `${route.method} ${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
      const found = operations.find((o) => o.key === key);
      expect(found, key).toBeDefined();
      expect(found?.op.operationId).toBe(route.id);
      expect(found?.op.security).toEqual(route.access === 'public' ? [] : [{ session: [] }]);
      expect(Object.keys(found?.op.responses ?? {})).toEqual([String(route.status), 'default']);
      expect(Boolean(found?.op.requestBody)).toBe(route.method !== 'GET' && route.method !== 'DELETE');
    }
    expect(new Set(operations.map((o) => o.op.operationId)).size).toBe(allRoutes.length);
  });

  it('GET /api/docs is an HTML page in French', async () => {
    const res = await new TestClient(ctx.app).request<string>('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/^<!doctype html><html lang="fr">/);
    expect(res.body).toContain("<title>Documentation de l'API — SPIE</title>");
    expect(res.body).toContain('/api/docs/openapi.json');
    for (const route of allRoutes) expect(res.body).toContain(`<code>${route.path}</code>`);
  });
});
