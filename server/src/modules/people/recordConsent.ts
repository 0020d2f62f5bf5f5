import { peopleRoutes, sectionLabels } from '@spie/contract/people';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { consentEntries, mayRecordConsent } from './consents';
import { personEvent } from './people.timeline';
import { requireNotMerged } from './sectionGuard';
import { organisationName } from './team.queries';

const r = peopleRoutes.recordConsent;
const input = r.params.extend(r.body.shape);

/**
 * The person's consent or objection to sharing one section with one organisation of the
 * territory. A new decision replaces the active one (kept as withdrawn, for the history).
 */
export const recordConsent = defineUseCase({
  name: 'people.recordConsent',
  kind: 'command',
  input,
  authorize: (ctx, input) => mayRecordConsent(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    await requireNotMerged(ctx, input.id);
    const orgName = await organisationName(ctx.trx, t, input.organisationId);
    if (!orgName)
      throw fieldError(
        'consent.unknown_organisation',
        'organisationId',
        'Structure inconnue sur ce territoire.',
      );
    await ctx.trx
      .updateTable('person_consents')
      .set({ withdrawn_at: ctx.now })
      .where('territory_id', '=', t)
      .where('person_id', '=', input.id)
      .where('section', '=', input.section)
      .where('organisation_id', '=', input.organisationId)
      .where('withdrawn_at', 'is', null)
      .execute();
    const { id } = await ctx.trx
      .insertInto('person_consents')
      .values({
        territory_id: t,
        person_id: input.id,
        section: input.section,
        organisation_id: input.organisationId,
        decision: input.decision,
        recorded_by_account_id: ctx.actor.accountId,
        recorded_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const what = input.decision === 'consent' ? 'Consentement' : 'Opposition';
    ctx.emit(
      personEvent(
        ctx,
        'ConsentRecorded',
        input.id,
        {
          section: 'identity',
          summary: `${what} au partage « ${sectionLabels[input.section]} » avec ${orgName}`,
        },
        { consentId: id },
      ),
    );
    const [entry] = await consentEntries(ctx.trx, t, { id });
    if (!entry) throw new Error('consent row vanished');
    return entry;
  },
  auditSubject: (input, output) => ({
    subjectType: 'consent',
    subjectId: output.id,
    personId: input.id,
    section: 'identity',
    details: { section: input.section, organisationId: input.organisationId, decision: input.decision },
  }),
});
