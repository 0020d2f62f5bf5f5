import { reviewRoutes } from '@spie/contract/review';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { addDays, frenchDate, parisToday, personEvent, requireNotMerged } from '../people';
import { addContact } from './contacts';
import { isTeamMember } from './review.access';

const r = reviewRoutes.recordContact;

/** How the timeline names a contact noted by hand. */
export const contactTimelineLabels = {
  appel: 'appel téléphonique',
  message: 'message auquel la personne a répondu',
  visite: 'passage de la personne',
} as const;

/** A contact noted by hand is one of the last 12 months (older ones no longer tell anything). */
const MAX_CONTACT_AGE_DAYS = 365;

/** Midday in France on a past day: a contact noted for an earlier day, without its hour. */
const parisMidday = (isoDate: string) => new Date(`${isoDate}T12:00:00+01:00`);

/**
 * « Noter un contact »: a call, a message the person answered, a visit. It resets the
 * lost-contact clock (`persons.last_contact_at`) and appears on the timeline; the alerts it
 * resolves go when its event is handled.
 */
export const recordContact = defineUseCase({
  name: 'review.recordContact',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: (ctx, input) => isTeamMember(ctx, input.id),
  run: async (ctx, input) => {
    await requireNotMerged(ctx, input.id);
    const today = parisToday(ctx.now);
    if (input.occurredOn > today)
      throw fieldError(
        'review.contact_in_future',
        'occurredOn',
        'Un contact ne peut pas être daté dans le futur.',
      );
    if (input.occurredOn < addDays(today, -MAX_CONTACT_AGE_DAYS))
      throw fieldError(
        'review.contact_too_old',
        'occurredOn',
        'Ce contact date de plus d’un an : vérifiez la date (il ne compterait plus pour le suivi).',
      );
    const contactId = await addContact(ctx.trx, {
      territoryId: ctx.actor.territoryId,
      personId: input.id,
      kind: input.kind,
      occurredAt: input.occurredOn === today ? ctx.now : parisMidday(input.occurredOn),
      accountId: ctx.actor.accountId,
      organisationId: ctx.actor.organisationId,
      note: input.note?.length ? input.note : null,
      appointmentId: null,
      recordedAt: ctx.now,
    });
    const when = input.occurredOn === today ? '' : ` (le ${frenchDate(input.occurredOn)})`;
    ctx.emit(
      personEvent(
        ctx,
        'ContactRecorded',
        input.id,
        { section: 'journey', summary: `Contact noté : ${contactTimelineLabels[input.kind]}${when}` },
        { contactId, kind: input.kind },
      ),
    );
    return { ok: true as const };
  },
  auditSubject: (input) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    section: 'journey',
  }),
});
