import {
  findOrientationTransition,
  type OrientationStatus,
  orientationStatusLabels,
  orientationsRoutes,
} from '@spie/contract/orientations';
import { sql } from 'kysely';
import { appendAuditBatch } from '../../kernel/audit';
import { conflict, notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { addOrganisationFollowUps } from '../people';
import { checkTransition, invalidTransition } from './orientations.engine';
import {
  checkDecision,
  decisionColumns,
  decisionFacts,
  emitOrientationEvents,
  orientationChanged,
  settingsOf,
  transitionSettings,
} from './orientations.store';

/**
 * The same decision for up to 500 people, all or nothing, in one transaction: one UPDATE for
 * every orientation, one INSERT for the organisation follow-ups, one audit row per person.
 * (appendAuditBatch: the same hash chain in a few round trips.)
 * One orientation not in a state that allows the decision fails the whole request.
 */
export const bulkDecide = defineUseCase({
  name: 'orientations.bulkDecide',
  kind: 'command',
  input: orientationsRoutes.bulkDecide.body,
  authorize: (ctx) => ctx.actor.role === 'orientation_manager',
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const ids = [...new Set(input.orientationIds)];
    const settings = transitionSettings(await settingsOf(ctx.trx, t));
    const decision = await checkDecision(ctx.trx, t, input);
    const rows = await ctx.trx
      .selectFrom('orientations as o')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.territory_id', '=', 'o.territory_id').onRef('p.id', '=', 'o.person_id'),
      )
      .select(['o.id', 'o.person_id', 'o.status', 'p.merged_into_id'])
      .where('o.territory_id', '=', t)
      .where(sql<boolean>`o.id = any(${ids}::uuid[])`)
      .forUpdate('o')
      .execute();
    if (rows.length !== ids.length) {
      throw notFound(
        'orientation.not_found',
        `${ids.length - rows.length} orientation(s) introuvable(s) : rechargez la liste.`,
      );
    }
    const blocked = rows.filter(
      (r) => !findOrientationTransition(r.status as OrientationStatus, 'decide', settings),
    );
    if (blocked.length > 0) {
      const states = [...new Set(blocked.map((r) => orientationStatusLabels[r.status as OrientationStatus]))];
      throw invalidTransition(blocked[0]?.status as OrientationStatus, settings, ['orientation_manager'], {
        message: `${blocked.length} des ${rows.length} orientations sélectionnées ne peuvent pas être décidées dans leur état actuel (${states.join(', ')}) : aucune décision n’a été enregistrée. Retirez-les de la sélection.`,
        details: { count: blocked.length, orientationIds: blocked.map((r) => r.id) },
      });
    }
    const merged = rows.filter((r) => r.merged_into_id !== null);
    if (merged.length > 0) {
      throw conflict(
        'person.merged',
        `${merged.length} dossier(s) sélectionné(s) ont été fusionnés : rechargez la liste.`,
        { orientationIds: merged.map((r) => r.id) },
      );
    }
    // Every state goes through the engine (who, required fields), once per distinct state.
    const transitions = new Map(
      [...new Set(rows.map((r) => r.status as OrientationStatus))].map((from) => [
        from,
        checkTransition({ from, action: 'decide', actors: ['orientation_manager'], settings, fields: input }),
      ]),
    );
    const updated = await ctx.trx
      .updateTable('orientations')
      .set({ ...decisionColumns(decision, ctx.actor, ctx.now), status: 'decidee', updated_at: ctx.now })
      .where('territory_id', '=', t)
      .where(sql<boolean>`id = any(${ids}::uuid[])`)
      .where('status', 'in', [...transitions.keys()])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== rows.length) throw orientationChanged();
    await addOrganisationFollowUps(
      ctx.trx,
      {
        territoryId: t,
        organisationId: decision.organisation.id,
        accountId: ctx.actor.accountId,
        now: ctx.now,
        reason: 'Orientation décidée',
      },
      rows.map((r) => r.person_id),
    );
    for (const row of rows) {
      const transition = transitions.get(row.status as OrientationStatus);
      emitOrientationEvents(ctx, transition?.emits ?? [], row.person_id, decisionFacts(decision), {
        orientationId: row.id,
        path: decision.path,
        leadKind: decision.leadKind,
        receivingOrganisationId: decision.organisation.id,
        bulk: true,
      });
    }
    await appendAuditBatch(
      ctx.trx,
      ctx.actor,
      rows.map((row) => ({
        action: 'orientations.decide',
        subjectType: 'orientation',
        subjectId: row.id,
        personId: row.person_id,
        section: 'situation',
        details: { bulk: true, organisationId: decision.organisation.id, path: decision.path },
      })),
      { at: ctx.now, requestId: ctx.requestId },
    );
    return { decided: rows.length };
  },
  auditSubject: (input, output) => ({
    subjectType: 'organisation',
    subjectId: input.organisationId,
    details: { decided: output.decided, path: input.path },
  }),
});
