import type { MemberActor } from '../../kernel/actor';
import type { UseCaseContext } from '../../kernel/useCase';
import { parisToday } from '../people';
import { mayManageService } from './catalogue.access';
import type { ServiceRow } from './catalogue.mapping';
import { serviceView } from './catalogue.queries';
import { catalogueSettings } from './catalogue.store';

/** Today (Paris) and the territory's freshness delay, as every service page needs them. */
export async function catalogueToday(ctx: UseCaseContext<MemberActor>) {
  const settings = await catalogueSettings(ctx.trx, ctx.actor.territoryId);
  return { today: parisToday(ctx.now), freshnessDays: settings.serviceFreshnessDays };
}

/** The service page as the caller sees it. */
export async function viewFor(ctx: UseCaseContext<MemberActor>, row: ServiceRow) {
  const { today, freshnessDays } = await catalogueToday(ctx);
  return serviceView(ctx.trx, row, {
    today,
    freshnessDays,
    canManage: mayManageService(ctx.actor, row.owner_organisation_id),
  });
}
