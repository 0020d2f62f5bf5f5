import { contactChannelLabels, peopleRoutes } from '@spie/contract/people';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { informationEntries, mayRecordConsent } from './consents';
import { personEvent } from './people.timeline';
import { requireNotMerged } from './sectionGuard';

const r = peopleRoutes.recordInformation;
const input = r.params.extend(r.body.shape);

/** The person was informed that their data is shared (date, channel, by whom). */
export const recordInformation = defineUseCase({
  name: 'people.recordInformation',
  kind: 'command',
  input,
  authorize: (ctx, input) => mayRecordConsent(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    await requireNotMerged(ctx, input.id);
    if (input.informedOn > ctx.now.toISOString().slice(0, 10))
      throw fieldError(
        'information.future_date',
        'informedOn',
        'La date d’information ne peut pas être dans le futur.',
      );
    const { id } = await ctx.trx
      .insertInto('person_information')
      .values({
        territory_id: t,
        person_id: input.id,
        informed_on: input.informedOn,
        channel: input.channel,
        recorded_by_account_id: ctx.actor.accountId,
        recorded_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const channel =
      input.channel === 'in_person'
        ? 'en entretien'
        : `par ${contactChannelLabels[input.channel].toLowerCase()}`;
    ctx.emit(
      personEvent(ctx, 'PersonInformed', input.id, {
        section: 'identity',
        summary: `Personne informée du partage de ses données (${channel})`,
      }),
    );
    const [entry] = await informationEntries(ctx.trx, t, { id });
    if (!entry) throw new Error('information row vanished');
    return entry;
  },
  auditSubject: (input, output) => ({
    subjectType: 'person_information',
    subjectId: output.id,
    personId: input.id,
    section: 'identity',
  }),
});
