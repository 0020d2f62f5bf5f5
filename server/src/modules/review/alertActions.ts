import type { MemberActor } from '../../kernel/actor';
import type { UseCaseContext } from '../../kernel/useCase';
import { alertNotFound, alertResolved } from './review.access';

/** The alert to act on, locked for the update; a resolved alert is refused with a clear code. */
export async function lockOpenAlert(ctx: UseCaseContext<MemberActor>, alertId: string) {
  const row = await ctx.trx
    .selectFrom('alerts')
    .select(['id', 'person_id', 'status', 'snoozed_until'])
    .where('territory_id', '=', ctx.actor.territoryId)
    .where('id', '=', alertId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw alertNotFound();
  if (row.status === 'resolue') throw alertResolved();
  return row;
}

export async function addHistory(
  ctx: UseCaseContext<MemberActor>,
  alertId: string,
  action: 'prise_en_compte' | 'reportee' | 'reprise',
  fields: { note?: string | null; nextStepOn?: string | null; snoozedUntil?: string | null } = {},
): Promise<void> {
  await ctx.trx
    .insertInto('alert_history')
    .values({
      territory_id: ctx.actor.territoryId,
      alert_id: alertId,
      at: ctx.now,
      action,
      account_id: ctx.actor.accountId,
      note: fields.note ?? null,
      next_step_on: fields.nextStepOn ?? null,
      snoozed_until: fields.snoozedUntil ?? null,
    })
    .execute();
}

export const alertAuditSubject = (alertId: string, personId: string) => ({
  subjectType: 'alert',
  subjectId: alertId,
  personId,
  section: 'journey',
});
