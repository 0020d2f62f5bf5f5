import { catalogueRoutes } from '@spie/contract/catalogue';
import { defineUseCase } from '../../kernel/useCase';
import { maySeeWaitingList } from './catalogue.access';
import { findServiceRow, loadServiceRow } from './catalogue.store';

/**
 * The waiting list of a service in order of arrival (`waitlisted_at`), with the people's names:
 * members of the owning organisation only. Each person listed counts as a read of their record
 * (one audit row per person, journey section).
 */
export const waitingList = defineUseCase({
  name: 'catalogue.waitingList',
  kind: 'query',
  input: catalogueRoutes.waitingList.params,
  authorize: async (ctx, input) => {
    const row = await findServiceRow(ctx.trx, ctx.actor.territoryId, input.id);
    return row === null || maySeeWaitingList(ctx.actor, row.owner_organisation_id);
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const service = await loadServiceRow(ctx.trx, t, input.id);
    const rows = await ctx.trx
      .selectFrom('referrals as r')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.territory_id', '=', 'r.territory_id').onRef('p.id', '=', 'r.person_id'),
      )
      .innerJoin('organisations as o', (j) =>
        j.onRef('o.territory_id', '=', 'r.territory_id').onRef('o.id', '=', 'r.sender_organisation_id'),
      )
      .select([
        'r.id',
        'r.person_id',
        'r.session_id',
        'r.waitlisted_at',
        'r.created_at',
        'p.first_names',
        'p.birth_name',
        'p.usage_name',
        'o.name as sender_organisation',
      ])
      .where('r.territory_id', '=', t)
      .where('r.service_id', '=', service.id)
      .where('r.status', '=', 'en_liste_d_attente')
      .orderBy((eb) => eb.fn.coalesce('r.waitlisted_at', 'r.created_at'))
      .orderBy('r.created_at')
      .orderBy('r.id')
      .execute();
    for (const r of rows) {
      await ctx.audit({
        action: 'catalogue.waitingList',
        subjectType: 'referral',
        subjectId: r.id,
        personId: r.person_id,
        section: 'journey',
        details: { serviceId: service.id },
      });
    }
    return {
      items: rows.map((r, i) => ({
        referralId: r.id,
        position: i + 1,
        person: { firstName: r.first_names[0] ?? '', lastName: r.usage_name ?? r.birth_name },
        sessionId: r.session_id,
        since: new Date(r.waitlisted_at ?? r.created_at).toISOString(),
        senderOrganisation: r.sender_organisation,
      })),
    };
  },
});
