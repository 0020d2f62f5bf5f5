import { reviewRoutes } from '@spie/contract/review';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { actorLabel, parisToday, personEvent, requireNotMerged } from '../people';
import { addContact } from './contacts';
import { isTeamLead } from './review.access';
import { longDate } from './review.detail';
import { situationReviewRows, toSituationReview } from './situationReview.view';

const r = reviewRoutes.addSituationReview;

/**
 * « Faire le point de situation » (référent, co-référents): the situation in a few words, the next
 * step and its date. Held with the person, it is also a contact. The timeline says who did it and
 * when the next step is, never the free text (it stays on the review itself).
 */
export const addSituationReview = defineUseCase({
  name: 'review.addSituationReview',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: (ctx, input) => isTeamLead(ctx, input.id),
  run: async (ctx, input) => {
    await requireNotMerged(ctx, input.id);
    const t = ctx.actor.territoryId;
    const today = parisToday(ctx.now);
    if (input.nextStepOn < today)
      throw fieldError(
        'review.next_step_in_past',
        'nextStepOn',
        'La date de la prochaine étape ne peut pas être passée : indiquez aujourd’hui ou une date à venir.',
      );
    const { id } = await ctx.trx
      .insertInto('situation_reviews')
      .values({
        territory_id: t,
        person_id: input.id,
        account_id: ctx.actor.accountId,
        organisation_id: ctx.actor.organisationId,
        reviewed_on: today,
        situation: input.situation,
        next_step: input.nextStep,
        next_step_on: input.nextStepOn,
        with_person: input.withPerson,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.withPerson) {
      await addContact(ctx.trx, {
        territoryId: t,
        personId: input.id,
        kind: 'visite',
        occurredAt: ctx.now,
        accountId: ctx.actor.accountId,
        organisationId: ctx.actor.organisationId,
        note: 'Point de situation',
        appointmentId: null,
        recordedAt: ctx.now,
      });
    }
    ctx.emit(
      personEvent(
        ctx,
        'SituationReviewed',
        input.id,
        {
          section: 'journey',
          summary: `Point de situation fait par ${await actorLabel(ctx)}${input.withPerson ? ' avec la personne' : ''} ; prochaine étape le ${longDate(input.nextStepOn)}`,
        },
        { reviewId: id },
      ),
    );
    return toSituationReview(
      await situationReviewRows(ctx.trx, t).where('r.id', '=', id).executeTakeFirstOrThrow(),
    );
  },
  auditSubject: (input, output) => ({
    subjectType: 'situation_review',
    subjectId: output.id,
    personId: input.id,
    section: 'journey',
  }),
});
