import { referralsRoutes } from '@spie/contract/referrals';
import { bindHandler, type RequestContext, type RouteBinding } from '../../http/binding';
import { systemActor } from '../../kernel/actor';
import { execute } from '../../kernel/useCase';
import { createReferral } from './createReferral';
import { getReferral } from './getReferral';
import { issueReferralLink } from './issueReferralLink';
import { receivedReferrals, referralsOfPerson, sentReferrals } from './lists';
import {
  publicGetReferral,
  publicRecordAttendance,
  publicRenewReferralLink,
  publicTransitionReferral,
} from './publicReferral';
import { recordAttendance } from './recordAttendance';
import { linkTerritory, REFERRAL_LINK_ACTOR } from './referrals.links';
import { transitionReferral } from './transitionReferral';

type Route = (typeof referralsRoutes)[keyof typeof referralsRoutes];

const inputOf = (ctx: RequestContext) => ({
  ...(ctx.body && typeof ctx.body === 'object' ? ctx.body : {}),
  ...ctx.query,
  ...ctx.params,
});

/** Runs the use case as the caller and cuts the answer to the route's response. */
// biome-ignore lint/suspicious/noExplicitAny: any use case; input is parsed inside.
function bind(route: Route, useCase: any): RouteBinding {
  return bindHandler(route, async (ctx) =>
    route.response.parse(
      await execute(ctx.deps, useCase, inputOf(ctx), ctx.actor, { requestId: ctx.requestId }),
    ),
  );
}

/**
 * A page of the referral link: no account; the token's hash gives the link's territory, whose
 * system actor `referrals.link` runs the use case (as the contracts' signature link does).
 */
// biome-ignore lint/suspicious/noExplicitAny: any public use case; input is parsed inside.
function bindPublic(route: Route, useCase: any): RouteBinding {
  return bindHandler(route, async (ctx) => {
    const territoryId = await linkTerritory(ctx.deps.database.db, String(ctx.params.token ?? ''));
    const result = await execute(
      ctx.deps,
      useCase,
      inputOf(ctx),
      systemActor(REFERRAL_LINK_ACTOR, territoryId),
      { requestId: ctx.requestId },
    );
    return route.response.parse(result);
  });
}

/** Every referral route, bound to its use case. */
export const referralsBindingsList: RouteBinding[] = [
  bind(referralsRoutes.ofPerson, referralsOfPerson),
  bind(referralsRoutes.create, createReferral),
  bind(referralsRoutes.get, getReferral),
  bind(referralsRoutes.transition, transitionReferral),
  bind(referralsRoutes.recordAttendance, recordAttendance),
  bind(referralsRoutes.received, receivedReferrals),
  bind(referralsRoutes.sent, sentReferrals),
  bind(referralsRoutes.issueLink, issueReferralLink),
  bindPublic(referralsRoutes.publicGet, publicGetReferral),
  bindPublic(referralsRoutes.publicTransition, publicTransitionReferral),
  bindPublic(referralsRoutes.publicAttendance, publicRecordAttendance),
  bindPublic(referralsRoutes.publicRenew, publicRenewReferralLink),
];
