import {
  type ReferralAction,
  type ReferralActor,
  type ReferralOutcome,
  type ReferralStatus,
  type ReferralTransitionBody,
  type RefusalReason,
  referralOutcomeLabels,
  referralStatusLabels,
  refusalReasonLabels,
} from '@spie/contract/referrals';
import { DomainError } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { recordReferralHours, syncReferralAction } from '../contracts';
import { frenchDate, parisToday, personEvent } from '../people';
import { checkReferralTransition } from './referrals.engine';
import { notifySenderSide } from './referrals.notify';
import { addHistory, loadServiceFacts, type ReferralRow } from './referrals.store';

/** Who acts: an account (with its label), the link holder, or the platform. */
export interface Acting {
  accountId: string | null;
  label: string;
  actors: ReferralActor[];
}

type Body = {
  action: ReferralAction;
  reason: ReferralTransitionBody['reason'];
  note: string | null;
  date: string | null;
  outcome: ReferralOutcome | null;
};

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('fr-FR') + s.slice(1);

function summaryOf(action: ReferralAction, body: Body, service: string, receiving: string): string {
  switch (action) {
    case 'accept':
      return `Prescription acceptée par ${receiving} : ${service}`;
    case 'refuse':
      return `Prescription refusée par ${receiving} : ${service}${body.reason ? ` (${lowerFirst(refusalReasonLabels[body.reason as RefusalReason])})` : ''}`;
    case 'waitlist':
      return `Prescription mise en liste d’attente par ${receiving} : ${service}`;
    case 'expire':
      return `Prescription expirée sans réponse : ${service}`;
    case 'cancel':
      return `Prescription annulée : ${service}`;
    case 'recordEntry':
      return `Entrée le ${frenchDate(body.date as string)} : ${service}`;
    case 'start':
      return `Accompagnement commencé : ${service}`;
    case 'finish':
      return `Fin : ${lowerFirst(referralOutcomeLabels[body.outcome as ReferralOutcome])} (${service})`;
  }
}

/**
 * Applies one transition of the table to a locked referral row: checks, update, history row,
 * `ReferralStatusChanged` (timeline), notice to the sender and the référents, and the contract's
 * plan on entry and end. Returns the updated row.
 */
export async function applyReferralTransition(
  ctx: UseCaseContext,
  row: ReferralRow,
  body: Body,
  acting: Acting,
): Promise<ReferralRow> {
  const from = row.status as ReferralStatus;
  const t = checkReferralTransition({ from, action: body.action, actors: acting.actors, fields: body });
  const today = parisToday(ctx.now);
  const fieldError = (code: string, path: string, message: string) =>
    new DomainError('validation', code, message, [{ path, message }]);
  if (body.action === 'recordEntry' && (body.date as string) > today)
    throw fieldError(
      'referral.entry_in_future',
      'date',
      'La date d’entrée ne peut pas être après aujourd’hui.',
    );
  if (body.action === 'finish') {
    const date = body.date as string;
    if (date > today)
      throw fieldError(
        'referral.end_in_future',
        'date',
        'La date de fin ne peut pas être après aujourd’hui.',
      );
    const entry = row.entry_date ? String(row.entry_date).slice(0, 10) : null;
    if (entry && date < entry)
      throw fieldError(
        'referral.end_before_entry',
        'date',
        `La date de fin ne peut pas être avant l’entrée (${frenchDate(entry)}).`,
      );
  }
  const territoryId = row.territory_id;
  const service = await loadServiceFacts(ctx.trx, territoryId, row.service_id);
  const receiving = row.receiving_organisation_id
    ? ((
        await ctx.trx
          .selectFrom('organisations')
          .select('name')
          .where('territory_id', '=', territoryId)
          .where('id', '=', row.receiving_organisation_id)
          .executeTakeFirst()
      )?.name ?? '')
    : (service?.structure_nom ?? '');
  const firstAnswer = ['accept', 'refuse', 'waitlist'].includes(body.action) && row.answered_at === null;
  const updated = await ctx.trx
    .updateTable('referrals')
    .set({
      status: t.to,
      revision: row.revision + 1,
      updated_at: ctx.now,
      status_note: body.note ?? null,
      ...(firstAnswer ? { answered_at: ctx.now } : {}),
      ...(body.action === 'refuse' ? { refusal_reason: body.reason } : {}),
      ...(body.action === 'waitlist' ? { waitlisted_at: ctx.now } : {}),
      ...(body.action === 'recordEntry' ? { entry_date: body.date } : {}),
      ...(body.action === 'finish' ? { end_date: body.date, outcome: body.outcome } : {}),
    })
    .where('territory_id', '=', territoryId)
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addHistory(ctx.trx, row, {
    at: ctx.now,
    action: body.action,
    from,
    to: t.to,
    accountId: acting.accountId,
    label: acting.label,
    note: body.note,
  });
  const serviceName = service?.nom ?? row.service_id;
  if (body.action === 'recordEntry') {
    const actionId = await syncReferralAction(ctx.trx, {
      kind: 'entry',
      territoryId,
      personId: row.person_id,
      referralId: row.id,
      serviceId: row.service_id,
      label: serviceName,
      plannedWeeklyHours:
        service?.volume_horaire_hebdomadaire === null || service?.volume_horaire_hebdomadaire === undefined
          ? null
          : Number(service.volume_horaire_hebdomadaire),
      entryDate: body.date as string,
      responsibleOrganisationId: row.receiving_organisation_id,
      now: ctx.now,
    });
    if (actionId) {
      await ctx.trx
        .updateTable('referrals')
        .set({ contract_action_id: actionId })
        .where('territory_id', '=', territoryId)
        .where('id', '=', row.id)
        .execute();
      updated.contract_action_id = actionId;
    }
  }
  if (body.action === 'finish')
    await syncReferralAction(ctx.trx, {
      kind: 'end',
      territoryId,
      referralId: row.id,
      outcome: body.outcome as ReferralOutcome,
      outcomeLabel: referralOutcomeLabels[body.outcome as ReferralOutcome],
      endDate: body.date as string,
      now: ctx.now,
    });
  ctx.emit(
    personEvent(
      ctx,
      'ReferralStatusChanged',
      row.person_id,
      {
        section: 'journey',
        summary: summaryOf(body.action, body, serviceName, receiving),
        link: `/prescriptions/${row.id}`,
      },
      { referralId: row.id, serviceId: row.service_id, action: body.action, from, to: t.to },
    ),
  );
  await notifySenderSide(
    ctx.trx,
    { territoryId, byAccountId: acting.accountId, now: ctx.now },
    row,
    `Prescription : ${lowerFirst(referralStatusLabels[t.to])}`,
    [
      `Une prescription que vous suivez est maintenant : ${lowerFirst(referralStatusLabels[t.to])}.`,
      'Connectez-vous à SPIE pour voir le détail.',
    ],
  );
  return updated;
}

/** Whether the week is a Monday, not in the future, not before the entry. */
export function checkAttendanceWeek(row: ReferralRow, week: string, now: Date): void {
  const refuse = (code: string, message: string) =>
    new DomainError('validation', code, message, [{ path: 'week', message }]);
  const d = new Date(`${week}T12:00:00Z`);
  if (d.getUTCDay() !== 1) throw refuse('referral.week_not_monday', 'Choisissez le lundi de la semaine.');
  const today = parisToday(now);
  if (week > today)
    throw refuse(
      'referral.week_future',
      'Cette semaine n’a pas commencé : saisissez les heures une fois faites.',
    );
  const entry = row.entry_date ? String(row.entry_date).slice(0, 10) : null;
  const entryMonday = entry ? mondayOf(entry) : null;
  if (entryMonday && week < entryMonday)
    throw refuse(
      'referral.week_before_entry',
      `Cette semaine est avant l’entrée de la personne (${frenchDate(entry as string)}).`,
    );
}

export function mondayOf(isoDay: string): string {
  const d = new Date(`${isoDay}T12:00:00Z`);
  const shift = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - shift);
  return d.toISOString().slice(0, 10);
}

/**
 * Hours of one week: entree → en_cours (with history), upsert of `referral_attendance`, the same
 * hours on the contract's action when a contract runs, `ReferralAttendanceRecorded`.
 */
export async function recordAttendanceCore(
  ctx: UseCaseContext,
  row: ReferralRow,
  input: { week: string; hours: number },
  acting: Acting & { viaLink: boolean },
): Promise<ReferralRow> {
  if (!acting.actors.includes('receiver'))
    throw new DomainError(
      'forbidden',
      'referral.attendance_forbidden',
      'Seule la structure qui accueille la personne saisit ses heures de présence.',
    );
  if (row.status !== 'entree' && row.status !== 'en_cours')
    throw new DomainError(
      'invalid_transition',
      'referral.attendance_not_started',
      `Les heures de présence se saisissent une fois la personne entrée (prescription « ${referralStatusLabels[row.status as ReferralStatus]} »).`,
      undefined,
      { status: row.status },
    );
  checkAttendanceWeek(row, input.week, ctx.now);
  let current = row;
  if (row.status === 'entree')
    current = await applyReferralTransition(
      ctx,
      row,
      { action: 'start', reason: null, note: null, date: null, outcome: null },
      acting,
    );
  const values = {
    hours: input.hours,
    recorded_by_account_id: acting.accountId,
    via_link: acting.viaLink,
    recorded_at: ctx.now,
  };
  await ctx.trx
    .insertInto('referral_attendance')
    .values({ territory_id: row.territory_id, referral_id: row.id, week_start: input.week, ...values })
    .onConflict((oc) => oc.columns(['territory_id', 'referral_id', 'week_start']).doUpdateSet(values))
    .execute();
  const written = await recordReferralHours(ctx.trx, {
    territoryId: row.territory_id,
    referralId: row.id,
    weekStart: input.week,
    hours: input.hours,
    recordedByAccountId: acting.accountId,
    now: ctx.now,
  });
  const service = await loadServiceFacts(ctx.trx, row.territory_id, row.service_id);
  ctx.emit(
    personEvent(
      ctx,
      'ReferralAttendanceRecorded',
      row.person_id,
      {
        section: 'journey',
        summary: `Heures de présence : ${String(input.hours).replace('.', ',')} h la semaine du ${frenchDate(input.week)} (${service?.nom ?? row.service_id})`,
        link: `/prescriptions/${row.id}`,
      },
      {
        referralId: row.id,
        weekStart: input.week,
        hours: input.hours,
        contractActionId: written?.actionId ?? null,
      },
    ),
  );
  if (written)
    ctx.emit({
      type: 'WeeklyHoursRecorded',
      territoryId: row.territory_id,
      payload: {
        personId: row.person_id,
        contractId: written.contractId,
        actionId: written.actionId,
        weekStart: input.week,
        hours: input.hours,
        source: 'organisation',
      },
    });
  return current;
}
