import { contractsRoutes } from '@spie/contract/contracts';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { addDays, parisToday } from '../people';
import {
  activityContractOf,
  computeWeeks,
  hoursByWeek,
  loadActivityPlan,
  mondayOf,
  mondaysBetween,
  weeksCount,
} from './activity.queries';
import { mayReadContract } from './contracts.access';

/** At most two years of weeks in one answer. */
export const MAX_ACTIVITY_WEEKS = 106;
export const DEFAULT_ACTIVITY_WEEKS = 12;

const input = contractsRoutes.weeklyActivity.params.extend(contractsRoutes.weeklyActivity.query.shape);

/**
 * Weekly activity of the person (12 weeks ending with the current one by default, two years at
 * most): target, planned, done and declared hours of their current engagement contract, or of
 * their latest one. Audited as a read of the record (journey).
 */
export const weeklyActivity = defineUseCase({
  name: 'contracts.weeklyActivity',
  kind: 'query',
  input,
  authorize: (ctx, input) => mayReadContract(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const currentMonday = mondayOf(parisToday(ctx.now));
    const to =
      input.to ??
      (input.from
        ? minDate(addDays(input.from, 7 * (DEFAULT_ACTIVITY_WEEKS - 1)), currentMonday)
        : currentMonday);
    const from = input.from ?? addDays(to, -7 * (DEFAULT_ACTIVITY_WEEKS - 1));
    if (from > to)
      throw new DomainError(
        'validation',
        'contract.activity_period',
        'La première semaine doit venir avant la dernière.',
        [{ path: 'from', message: 'La première semaine doit venir avant la dernière.' }],
      );
    if (weeksCount(from, to) > MAX_ACTIVITY_WEEKS)
      throw new DomainError(
        'validation',
        'contract.activity_period',
        'Période trop longue : 2 ans au plus (106 semaines). Raccourcissez la période.',
        [{ path: 'from', message: 'Période trop longue : 2 ans au plus (106 semaines).' }],
      );
    await ctx.audit({
      action: 'contracts.weeklyActivity',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'journey',
      details: { from, to },
    });
    const contract = await activityContractOf(ctx.trx, t, input.id);
    if (!contract) return { contractId: null, from, to, weeks: [] };
    const [plan, hours] = await Promise.all([
      loadActivityPlan(ctx.trx, t, contract.id),
      hoursByWeek(ctx.trx, t, input.id, from, to),
    ]);
    return {
      contractId: contract.id,
      from,
      to,
      weeks: computeWeeks(mondaysBetween(from, to), contract, plan, hours),
    };
  },
});

const minDate = (a: string, b: string) => (a < b ? a : b);
