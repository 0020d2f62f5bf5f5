import { contractsRoutes } from '@spie/contract/contracts';
import { bindHandler, bindUseCase, type RequestContext, type RouteBinding } from '../../http/binding';
import { systemActor } from '../../kernel/actor';
import { execute } from '../../kernel/useCase';
import { issueLink } from './issueLink';
import { issueLinks } from './issueLinks';
import { publicSendCode } from './publicSendCode';
import { publicSign } from './publicSign';
import { linkTerritory, publicSignature, REMOTE_SIGNATURE_ACTOR } from './publicSignature';
import { publicVerifyCode } from './publicVerifyCode';

type Route = (typeof contractsRoutes)[keyof typeof contractsRoutes];

const merged = (ctx: RequestContext) => ({
  ...(ctx.body && typeof ctx.body === 'object' ? ctx.body : {}),
  ...ctx.params,
});

/**
 * A page of the signature link: no account; the token's hash gives the link's territory, whose
 * system actor `contracts.remoteSignature` runs the use case. The answer is cut to the route's
 * response (use cases also return the link row for their audit row).
 */
function bindPublic(
  route: Route,
  // biome-ignore lint/suspicious/noExplicitAny: any public use case; input is parsed inside.
  useCase: any,
  extra: (ctx: RequestContext) => Record<string, unknown> = () => ({}),
): RouteBinding {
  return bindHandler(route, async (ctx) => {
    const territoryId = await linkTerritory(ctx.deps.database.db, String(ctx.params.token ?? ''));
    const result = await execute(
      ctx.deps,
      useCase,
      { ...merged(ctx), ...extra(ctx) },
      systemActor(REMOTE_SIGNATURE_ACTOR, territoryId),
      { requestId: ctx.requestId },
    );
    // A refusal whose trace must stay (a wrong code counts): committed, then answered.
    if (result && typeof result === 'object' && 'refusal' in result) throw result.refusal;
    return route.response.parse(result);
  });
}

export const signatureBindings: RouteBinding[] = [
  bindHandler(contractsRoutes.issueLink, async (ctx) =>
    contractsRoutes.issueLink.response.parse(
      await execute(ctx.deps, issueLink, merged(ctx), ctx.actor, { requestId: ctx.requestId }),
    ),
  ),
  bindUseCase(contractsRoutes.issueLinks, issueLinks),
  bindPublic(contractsRoutes.publicSignature, publicSignature),
  bindPublic(contractsRoutes.publicSendCode, publicSendCode),
  bindPublic(contractsRoutes.publicVerifyCode, publicVerifyCode),
  bindPublic(contractsRoutes.publicSign, publicSign, (ctx) => ({ ip: ctx.ip || null })),
];
