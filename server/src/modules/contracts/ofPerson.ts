import { contractsRoutes, openContractStatuses, type PersonContracts } from '@spie/contract/contracts';
import type { Path } from '@spie/contract/diagnostics';
import { defineUseCase } from '../../kernel/useCase';
import { contractAccess } from './contracts.access';
import { settingsOf, toContract, toContractSummaries } from './contracts.store';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The « Contrat & plan d’action » tab: the contract in preparation or in force (an older contract
 * still running when there is no engagement contract), the previous ones, the orientation the
 * next contract answers (its notification starts the signature delay). Audited read (journey).
 */
export const contractsOfPerson = defineUseCase({
  name: 'contracts.ofPerson',
  kind: 'query',
  input: contractsRoutes.ofPerson.params,
  authorize: async (ctx, input) => (await contractAccess(ctx, input.id)).read,
  run: async (ctx, input): Promise<PersonContracts> => {
    const t = ctx.actor.territoryId;
    const [rows, orientation, settings, access] = await Promise.all([
      ctx.trx
        .selectFrom('engagement_contracts')
        .selectAll()
        .where('territory_id', '=', t)
        .where('person_id', '=', input.id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(100)
        .execute(),
      ctx.trx
        .selectFrom('orientations as o')
        .leftJoin('organisations as g', (j) =>
          j.onRef('g.territory_id', '=', 'o.territory_id').onRef('g.id', '=', 'o.organisation_id'),
        )
        .select(['o.id', 'o.path', 'o.organisation_id', 'g.name', 'o.notified_at', 'o.contract_deadline'])
        .where('o.territory_id', '=', t)
        .where('o.person_id', '=', input.id)
        .where('o.status', 'in', ['notifiee', 'referent_designe'])
        .executeTakeFirst(),
      settingsOf(ctx.trx, t),
      contractAccess(ctx, input.id),
    ]);
    const current =
      rows.find((r) => r.kind === 'engagement' && openContractStatuses.includes(r.status as never)) ??
      rows.find((r) => r.kind !== 'engagement' && r.status === 'actif') ??
      null;
    const history = await toContractSummaries(
      ctx.trx,
      rows.filter((r) => r !== current),
    );
    await ctx.audit({
      action: 'contracts.ofPerson',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'journey',
    });
    return {
      current: current ? await toContract(ctx, current) : null,
      history,
      orientation: orientation
        ? {
            id: orientation.id,
            path: (orientation.path as Path | null) ?? null,
            organisation:
              orientation.organisation_id && orientation.name
                ? { id: orientation.organisation_id, name: orientation.name }
                : null,
            notifiedAt: iso(orientation.notified_at),
            contractDeadline: orientation.contract_deadline,
          }
        : null,
      defaultWeeklyHours: settings.weeklyActivityHours,
      canWrite: access.read && access.actors.includes('referent'),
    };
  },
});
