import { authRoutes } from '@spie/contract/auth';
import { bindHandler, bindUseCase, type RequestContext, type RouteBinding } from '../../http/binding';
import { execute } from '../../kernel/useCase';
import { chooseMembership } from './chooseMembership';
import { demoLogin } from './demoLogin';
import { listDemoAccounts } from './listDemoAccounts';
import { logout, logoutEverywhere } from './logout';
import { resolveSession } from './session.store';
import { sessionInfoFor } from './sessionInfo.queries';

export const SESSION_COOKIE = 'spie_session';

function sessionCookieOptions(ctx: RequestContext, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.deps.config.cookieSecure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

async function currentSessionInfo(ctx: RequestContext, token: string | null) {
  const { config, database, clock } = ctx.deps;
  const actor = token ? await resolveSession(database.db, token, clock.now(), config.session) : ctx.actor;
  return sessionInfoFor(database.db, actor, { demo: config.demo, idleMinutes: config.session.idleMinutes });
}

export const authBindings: RouteBinding[] = [
  bindHandler(authRoutes.getSession, (ctx) => currentSessionInfo(ctx, null)),
  bindHandler(authRoutes.loginMethods, async (ctx) => ({ demo: ctx.deps.config.demo, oidc: [] })),
  bindUseCase(authRoutes.listDemoAccounts, listDemoAccounts),
  bindHandler(authRoutes.demoLogin, async (ctx) => {
    const session = await execute(ctx.deps, demoLogin, ctx.body, ctx.actor, { requestId: ctx.requestId });
    ctx.reply.setCookie(
      SESSION_COOKIE,
      session.token,
      sessionCookieOptions(ctx, ctx.deps.config.session.absoluteHours * 3600),
    );
    return currentSessionInfo(ctx, session.token);
  }),
  bindHandler(authRoutes.chooseMembership, async (ctx) => {
    await execute(ctx.deps, chooseMembership, ctx.body, ctx.actor, { requestId: ctx.requestId });
    return currentSessionInfo(ctx, ctx.sessionToken);
  }),
  bindHandler(authRoutes.logout, async (ctx) => {
    const result = await execute(ctx.deps, logout, {}, ctx.actor, { requestId: ctx.requestId });
    ctx.reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
    return result;
  }),
  bindHandler(authRoutes.logoutEverywhere, async (ctx) => {
    const result = await execute(ctx.deps, logoutEverywhere, {}, ctx.actor, { requestId: ctx.requestId });
    ctx.reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
    return result;
  }),
];
