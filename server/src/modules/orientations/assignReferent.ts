import type { OrientationActor, TransitionSettings } from '@spie/contract/orientations';
import type { UseCaseContext } from '../../kernel/useCase';
import { designateReferentUnique } from '../people';
import {
  accountOf,
  applyTransition,
  type OrientationRow,
  referentNotMember,
  referentOf,
  territoryOf,
} from './orientations.store';

/**
 * `assign`: the référent unique of the receiving organisation is designated. The people
 * module's designation rules apply (one active référent, the previous one's follow-up ends and
 * they are told, team and timeline updated); a person already followed by that référent in that
 * organisation keeps their follow-up.
 */
export async function assignReferent(
  ctx: UseCaseContext,
  row: OrientationRow,
  a: {
    actors: readonly OrientationActor[];
    settings: TransitionSettings;
    referentAccountId: string;
    reason: string | null;
    byLabel: string;
  },
): Promise<void> {
  const territoryId = territoryOf(ctx.actor);
  const organisationId = row.organisation_id;
  if (!organisationId) throw new Error('an orientation to assign names its organisation');
  // The engine first: an assignment from the wrong state is an invalid transition, whoever the designee.
  const referent =
    row.status === 'notifiee'
      ? await referentOf(ctx.trx, territoryId, organisationId, a.referentAccountId)
      : null;
  await applyTransition(ctx, row, {
    action: 'assign',
    actors: a.actors,
    settings: a.settings,
    fields: { referentAccountId: a.referentAccountId },
    set: {
      referent_account_id: a.referentAccountId,
      assigned_by_account_id: accountOf(ctx.actor),
      assigned_at: ctx.now,
    },
    facts: { referentName: referent?.name ?? null },
    payload: { referentAccountId: a.referentAccountId },
    check: () => {
      if (!referent) throw referentNotMember('referentAccountId');
    },
  });
  const current = await ctx.trx
    .selectFrom('follow_ups')
    .select(['account_id', 'organisation_id'])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', row.person_id)
    .where('role', '=', 'referent')
    .where('status', '=', 'active')
    .executeTakeFirst();
  // Need to know: once the organisation has named the référent, its organisation-level follow-up
  // (opened by the decision so that its manager could assign) ends; access now goes through the team.
  await ctx.trx
    .updateTable('follow_ups')
    .set({ status: 'ended', ended_at: ctx.now, end_reason: 'Référent·e unique désigné·e' })
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', row.person_id)
    .where('organisation_id', '=', organisationId)
    .where('account_id', 'is', null)
    .where('status', '=', 'active')
    .execute();
  if (current?.account_id === a.referentAccountId && current.organisation_id === organisationId) return;
  await designateReferentUnique(
    ctx,
    {
      personId: row.person_id,
      organisationId,
      accountId: a.referentAccountId,
      reason: a.reason ?? 'Désignation à la suite de l’orientation',
    },
    a.byLabel,
  );
}
