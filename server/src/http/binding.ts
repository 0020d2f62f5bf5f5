import type { AnyRoute } from '@spie/contract';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../kernel/actor';
import type { Deps } from '../kernel/deps';
import { execute, type UseCase } from '../kernel/useCase';

export interface RequestContext {
  actor: Actor;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  requestId: string;
  deps: Deps;
  reply: FastifyReply;
  /** Raw session token of the caller (auth routes only). */
  sessionToken: string | null;
  ip: string;
}

/** A contract route bound to what answers it. */
export interface RouteBinding {
  route: AnyRoute;
  handle(ctx: RequestContext): Promise<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: any use case fits a binding; input is parsed inside.
type AnyUseCase = UseCase<any, any, any>;

/**
 * Binds a route to a use case. By default the use case input is params + query + body merged;
 * `toInput` reshapes it when the route's shape differs.
 */
export function bindUseCase(
  route: AnyRoute,
  useCase: AnyUseCase,
  toInput: (ctx: RequestContext) => unknown = (ctx) => ({
    ...(ctx.body && typeof ctx.body === 'object' ? ctx.body : {}),
    ...ctx.query,
    ...ctx.params,
  }),
): RouteBinding {
  return {
    route,
    handle: (ctx) => execute(ctx.deps, useCase, toInput(ctx), ctx.actor, { requestId: ctx.requestId }),
  };
}

/** For routes that also touch HTTP (cookies): the handler still runs use cases for the work. */
export function bindHandler(
  route: AnyRoute,
  handle: (ctx: RequestContext) => Promise<unknown>,
): RouteBinding {
  return { route, handle };
}
