import { peopleRoutes, sectionLabels } from '@spie/contract/people';
import { conflict, notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { consentEntries, mayRecordConsent } from './consents';
import { personEvent } from './people.timeline';

/** The person withdraws a consent (or an objection): it stays in the history, dated. */
export const withdrawConsent = defineUseCase({
  name: 'people.withdrawConsent',
  kind: 'command',
  input: peopleRoutes.withdrawConsent.params,
  authorize: (ctx, input) => mayRecordConsent(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const [entry] = await consentEntries(ctx.trx, t, { id: input.consentId });
    const row = await ctx.trx
      .selectFrom('person_consents')
      .select(['person_id', 'withdrawn_at'])
      .where('territory_id', '=', t)
      .where('id', '=', input.consentId)
      .executeTakeFirst();
    if (!entry || !row || row.person_id !== input.id)
      throw notFound('consent.not_found', 'Consentement introuvable pour cette personne.');
    if (row.withdrawn_at) throw conflict('consent.already_withdrawn', 'Ce consentement a déjà été retiré.');
    await ctx.trx
      .updateTable('person_consents')
      .set({ withdrawn_at: ctx.now })
      .where('territory_id', '=', t)
      .where('id', '=', input.consentId)
      .execute();
    const what = entry.decision === 'consent' ? 'Retrait du consentement' : 'Levée de l’opposition';
    ctx.emit(
      personEvent(
        ctx,
        'ConsentWithdrawn',
        input.id,
        {
          section: 'identity',
          summary: `${what} au partage « ${sectionLabels[entry.section]} » avec ${entry.organisationName}`,
        },
        { consentId: input.consentId },
      ),
    );
    return { ...entry, withdrawnAt: ctx.now.toISOString() };
  },
  auditSubject: (input) => ({
    subjectType: 'consent',
    subjectId: input.consentId,
    personId: input.id,
    section: 'identity',
  }),
});
