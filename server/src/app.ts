import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { allRoutes } from '@spie/contract';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { RouteBinding } from './http/binding';
import { loggableError, statusOfKind, toErrorResponse } from './http/errors';
import { openApiDocument, openApiHtml } from './http/openapi';
import { type Actor, anonymous } from './kernel/actor';
import { randomToken, safeEqual } from './kernel/crypto';
import type { Deps } from './kernel/deps';
import { DomainError, unauthenticated } from './kernel/errors';
import { appointmentsBindings } from './modules/appointments';
import { auditBindings } from './modules/audit';
import { authBindings, resolveSession, SESSION_COOKIE } from './modules/auth';
import { campaignsBindings } from './modules/campaigns';
import { catalogueBindings } from './modules/catalogue';
import { contractsBindings } from './modules/contracts';
import { diagnosticsBindings } from './modules/diagnostics';
import { notificationsBindings } from './modules/notifications';
import { orientationsBindings } from './modules/orientations';
import { peopleBindings } from './modules/people';
import { referralsBindings } from './modules/referrals';
import { reviewBindings } from './modules/review';
import { territoriesBindings } from './modules/territories';

export const CSRF_COOKIE = 'spie_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const moduleBindings: RouteBinding[] = [
  ...authBindings,
  ...territoriesBindings,
  ...notificationsBindings,
  ...auditBindings,
  ...peopleBindings,
  ...diagnosticsBindings,
  ...orientationsBindings,
  ...contractsBindings,
  ...reviewBindings,
  ...appointmentsBindings,
  ...campaignsBindings,
  ...catalogueBindings,
  ...referralsBindings,
];

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    registeredRoutes: { method: string; url: string }[];
  }
}

export async function buildApp(deps: Deps, options: { serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.production,
    return503OnClosing: true,
  });
  // Every route the server answers, for the route-permission test (contract routes and others).
  const registered: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) registered.push({ method, url: r.url });
  });
  app.decorate('registeredRoutes', registered);
  await app.register(fastifyCookie);
  // Raw files (catalogue imports): handed to the route as a stream, which checks its own size limit.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  app.decorateRequest('actor', null as never);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    const csrf = request.cookies[CSRF_COOKIE];
    if (!csrf) {
      reply.setCookie(CSRF_COOKIE, randomToken(24), {
        path: '/',
        sameSite: 'strict',
        secure: deps.config.cookieSecure,
        httpOnly: false,
      });
    }
    // Server-to-server webhooks (the SMS provider's delivery reports) carry no browser session:
    // they are authenticated by the provider's key instead (campaigns' deliveryReports).
    const webhook = request.url.startsWith('/api/messaging/');
    if (!SAFE_METHODS.has(request.method) && request.url.startsWith('/api/') && !webhook) {
      const header = request.headers[CSRF_HEADER];
      if (!csrf || typeof header !== 'string' || !safeEqual(header, csrf)) {
        throw new DomainError(
          'forbidden',
          'csrf.invalid',
          'Requête refusée : jeton de sécurité absent ou invalide. Rechargez la page puis recommencez.',
        );
      }
    }
  });

  // Access log without personal data: route pattern (not the URL, whose query may hold names), status, time.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        actor:
          request.actor && (request.actor.kind === 'member' || request.actor.kind === 'account')
            ? request.actor.accountId
            : undefined,
      },
      'request',
    );
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body, log } = toErrorResponse(error, request.id);
    if (log)
      request.log.error({ err: loggableError(error), route: request.routeOptions.url }, 'unexpected error');
    void reply.status(status).send(body);
  });

  const resolveActor = async (request: FastifyRequest): Promise<Actor> => {
    const token = request.cookies[SESSION_COOKIE] ?? null;
    return token ? resolveSession(deps.database.db, token, deps.clock.now(), deps.config.session) : anonymous;
  };

  for (const binding of moduleBindings) {
    const { route } = binding;
    app.route({
      method: route.method,
      url: route.path,
      // Uploads may declare a larger body than the 1 MiB default.
      ...(route.bodyLimitBytes ? { bodyLimit: route.bodyLimitBytes } : {}),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        request.actor = await resolveActor(request);
        if (route.access !== 'public' && request.actor.kind === 'anonymous') throw unauthenticated();
        if (route.access === 'member' && request.actor.kind === 'account') {
          throw new DomainError(
            'forbidden',
            'auth.membership_required',
            'Choisissez d’abord la structure avec laquelle vous agissez.',
          );
        }
        const result = await binding.handle({
          actor: request.actor,
          params: (request.params ?? {}) as Record<string, unknown>,
          query: (request.query ?? {}) as Record<string, unknown>,
          body: request.body ?? {},
          requestId: request.id,
          deps,
          reply,
          sessionToken: request.cookies[SESSION_COOKIE] ?? null,
          ip: request.ip,
        });
        // A file answer: the handler sent it with its own headers (type, attachment, no-store).
        if (route.binary) {
          if (!reply.sent) throw new Error(`binary route ${route.id} did not send its file`);
          return reply;
        }
        reply.status(route.status).header('cache-control', 'no-store');
        return route.status === 204 ? reply.send() : result;
      },
    });
  }

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ok = await deps.database.ping();
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'database_unreachable' });
  });
  const doc = openApiDocument(allRoutes);
  app.get('/api/docs/openapi.json', async () => doc);
  app.get('/api/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(openApiHtml(allRoutes)),
  );

  const webDist = deps.config.webDist;
  const serveWeb = (options.serveWeb ?? true) && existsSync(path.join(webDist, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !path.extname(request.url.split('?')[0] ?? '');
    if (serveWeb && wantsPage) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(statusOfKind.not_found).send({
      error: {
        kind: 'not_found',
        code: 'route.not_found',
        message: 'Cette adresse n’existe pas.',
        requestId: request.id,
      },
    });
  });

  return app as unknown as FastifyInstance;
}
