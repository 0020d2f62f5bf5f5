import {
  leadKindOrganisationKinds,
  type OrientationStatus,
  orientationsRoutes,
} from '@spie/contract/orientations';
import { conflict, fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { loadPersonRelation, notifyAccountsBy, requireNotMerged } from '../people';
import { actorKindsOf, checkReorientationTransition } from './orientations.engine';
import { emitOrientationEvents, loadOrientation } from './orientations.store';
import { viewRequest } from './reorientations.store';

const r = orientationsRoutes.requestReorientation;

/**
 * The person's référent (or co-référent) asks for another orientation, with the reason and the
 * path they propose; one pending request per orientation. Orientation managers answer it.
 */
export const requestReorientation = defineUseCase({
  name: 'orientations.requestReorientation',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: async (ctx, input) => {
    const o = await loadOrientation(ctx.trx, ctx.actor.territoryId, input.id);
    const { relation } = await loadPersonRelation(ctx.trx, ctx.actor, o.person_id);
    return actorKindsOf(ctx.actor, o, relation.teamRole).includes('referent');
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const o = await loadOrientation(ctx.trx, t, input.id, true);
    await requireNotMerged(ctx, o.person_id);
    const { relation } = await loadPersonRelation(ctx.trx, ctx.actor, o.person_id);
    const transition = checkReorientationTransition({
      from: 'none',
      action: 'request',
      actors: actorKindsOf(ctx.actor, o, relation.teamRole),
      fields: input,
      orientationStatus: o.status as OrientationStatus,
    });
    const pending = await ctx.trx
      .selectFrom('reorientation_requests')
      .select('id')
      .where('territory_id', '=', t)
      .where('orientation_id', '=', o.id)
      .where('status', '=', 'demandee')
      .executeTakeFirst();
    if (pending) {
      throw conflict(
        'reorientation.already_pending',
        'Une demande de réorientation est déjà en attente pour cette orientation.',
        { requestId: pending.id },
      );
    }
    if (input.proposedOrganisationId) {
      const org = await ctx.trx
        .selectFrom('organisations')
        .select(['kind', 'active'])
        .where('territory_id', '=', t)
        .where('id', '=', input.proposedOrganisationId)
        .executeTakeFirst();
      const fits =
        !input.proposedLeadKind ||
        leadKindOrganisationKinds[input.proposedLeadKind].includes(org?.kind ?? '');
      if (!org?.active || !fits)
        throw fieldError(
          'orientation.organisation_invalid',
          'proposedOrganisationId',
          'Cette structure n’existe pas, n’est plus active ou ne correspond pas à l’organisme proposé.',
        );
    }
    const { id } = await ctx.trx
      .insertInto('reorientation_requests')
      .values({
        territory_id: t,
        orientation_id: o.id,
        person_id: o.person_id,
        status: 'demandee',
        reason: input.reason,
        proposed_path: input.proposedPath,
        proposed_lead_kind: input.proposedLeadKind,
        proposed_organisation_id: input.proposedOrganisationId,
        requested_by_account_id: ctx.actor.accountId,
        requested_by_organisation_id: ctx.actor.organisationId,
        requested_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    emitOrientationEvents(
      ctx,
      transition.emits,
      o.person_id,
      { proposedPath: input.proposedPath },
      {
        orientationId: o.id,
        requestId: id,
      },
    );
    // The territory's orientation managers are told a request waits (no personal detail).
    const managers = await ctx.trx
      .selectFrom('memberships')
      .select('account_id')
      .where('territory_id', '=', t)
      .where('role', '=', 'orientation_manager')
      .where('ended_at', 'is', null)
      .execute();
    await notifyAccountsBy(
      ctx.trx,
      { territoryId: t, byAccountId: ctx.actor.accountId, now: ctx.now },
      o.person_id,
      managers.map((m) => m.account_id),
      'Nouvelle demande de réorientation',
      [
        'Un·e référent·e demande la réorientation d’une personne accompagnée.',
        'Demandes à traiter : /orientations/reorientations',
      ],
    );
    return viewRequest(ctx.trx, t, id);
  },
  auditSubject: (_input, output) => ({
    subjectType: 'reorientation_request',
    subjectId: output.id,
    personId: output.personId,
    section: 'situation',
  }),
});
