import {
  type AppointmentMode,
  type AppointmentType,
  appointmentModeLabels,
  appointmentTypeLabels,
} from '@spie/contract/appointments';
import { DomainError } from '../../kernel/errors';
import type { DomainEvent } from '../../kernel/outbox';
import type { UseCaseContext } from '../../kernel/useCase';
import { personEvent } from '../people';
import { normalisePlace, requireFuture } from './appointments.store';
import { type Told, tellPerson, toldWords } from './notifyPerson';
import { frenchDateTimeWords } from './parisTime';

export interface BookAppointmentInput {
  personId: string;
  organisationId: string;
  type: AppointmentType;
  startsAt: Date;
  durationMinutes: number;
  mode: AppointmentMode;
  address: string | null;
  visioUrl: string | null;
  professionalAccountIds: string[];
  source: 'manuel' | 'campagne' | 'convocation';
  campaignId: string | null;
  notifyPerson: boolean;
  note?: string | null;
}

export const appointmentLink = (personId: string) => `/personnes/${personId}/rendez-vous`;

/** The territory the use case acts in: a member's, or the one a system actor was started for. */
export function territoryOf(ctx: UseCaseContext): string {
  const t = ctx.actor.kind === 'member' || ctx.actor.kind === 'system' ? ctx.actor.territoryId : null;
  if (!t) throw new Error('bookAppointment needs an actor with a territory');
  return t;
}

/**
 * An appointment event about a person: timeline entry, and the appointment's organisation in the
 * payload whoever acts (a system actor, a co-référent of another organisation).
 */
export function appointmentEvent(
  ctx: UseCaseContext,
  type: string,
  personId: string,
  organisationId: string,
  summary: string,
  extra: Record<string, unknown>,
): DomainEvent {
  const event = personEvent(
    ctx,
    type,
    personId,
    { section: 'journey', summary, link: appointmentLink(personId) },
    extra,
  );
  event.payload.organisationId = organisationId;
  return event;
}

/**
 * Books an appointment (the one way to create one: manual booking, campaign slot, convocation):
 * the appointment and its professionals (their agenda rows carry the start), the confirmation by
 * the person's channel when `notifyPerson`, and `AppointmentBooked` with its timeline entry.
 * Works for a member or a system actor (public invitation pages), in the caller's transaction.
 */
export async function bookAppointment(
  ctx: UseCaseContext,
  input: BookAppointmentInput,
): Promise<{ id: string }> {
  const territoryId = territoryOf(ctx);
  requireFuture(input.startsAt, ctx.now);
  const place = normalisePlace(input);
  const professionals = [...new Set(input.professionalAccountIds)];
  if (professionals.length === 0) {
    throw new DomainError(
      'validation',
      'appointments.no_professional',
      'Choisissez au moins un professionnel.',
      [{ path: 'professionalAccountIds', message: 'Choisissez au moins un professionnel.' }],
    );
  }
  const { id } = await ctx.trx
    .insertInto('appointments')
    .values({
      territory_id: territoryId,
      person_id: input.personId,
      organisation_id: input.organisationId,
      type: input.type,
      starts_at: input.startsAt,
      duration_minutes: input.durationMinutes,
      mode: place.mode,
      address: place.address,
      visio_url: place.visioUrl,
      status: 'prevu',
      note: input.note?.trim() || null,
      source: input.source,
      campaign_id: input.campaignId,
      created_by_account_id: ctx.actor.kind === 'member' ? ctx.actor.accountId : null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.trx
    .insertInto('appointment_professionals')
    .values(
      professionals.map((accountId) => ({
        territory_id: territoryId,
        appointment_id: id,
        account_id: accountId,
        starts_at: input.startsAt,
      })),
    )
    .execute();
  let told: Told | null = null;
  if (input.notifyPerson) {
    told = await tellPerson(
      ctx,
      { id, territoryId, ...input, ...place, startsAt: input.startsAt },
      'confirmation',
    );
    if (told.notificationId) {
      await ctx.trx
        .updateTable('appointments')
        .set({ confirmation_sent_at: ctx.now })
        .where('territory_id', '=', territoryId)
        .where('id', '=', id)
        .execute();
    }
  }
  const summary = `Rendez-vous fixé le ${frenchDateTimeWords(input.startsAt)} (${appointmentTypeLabels[input.type]}, ${appointmentModeLabels[place.mode].toLocaleLowerCase('fr-FR')}). ${toldWords(told)}`;
  ctx.emit(
    appointmentEvent(ctx, 'AppointmentBooked', input.personId, input.organisationId, summary, {
      appointmentId: id,
      startsAt: input.startsAt.toISOString(),
      campaignId: input.campaignId,
      source: input.source,
      confirmation: told?.reach ?? null,
    }),
  );
  return { id };
}
