import type { OrientationStatus } from '@spie/contract/orientations';
import { pendingOrientationStatuses } from '@spie/contract/orientations';
import { z } from 'zod';
import { systemActor } from '../../kernel/actor';
import type { Deps } from '../../kernel/deps';
import type { StoredEvent } from '../../kernel/outbox';
import { defineUseCase, execute } from '../../kernel/useCase';
import { parisToday } from '../people';
import {
  applyTransition,
  insertPendingOrientation,
  loadOrientation,
  openOrientation,
  settingsOf,
  transitionSettings,
} from './orientations.store';

const input = z.object({ personId: z.uuid(), statusId: z.uuid() });

/**
 * RSA « droit ouvert » recorded for a person subject to droits et devoirs, without an open
 * orientation: they enter the « À orienter » queue; the delay counts from the (Paris) day the
 * information was recorded. A redelivered event finds the open orientation and does nothing.
 */
export const startFromRsa = defineUseCase({
  name: 'orientations.startFromRsa',
  kind: 'command',
  actors: ['system'],
  input,
  authorize: (ctx) => ctx.actor.territoryId !== null,
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId as string;
    const status = await ctx.trx
      .selectFrom('person_statuses as s')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.territory_id', '=', 's.territory_id').onRef('p.id', '=', 's.person_id'),
      )
      .select(['s.details', 's.recorded_at', 'p.merged_into_id'])
      .where('s.territory_id', '=', t)
      .where('s.id', '=', input.statusId)
      .where('s.person_id', '=', input.personId)
      .executeTakeFirst();
    if (!status || status.merged_into_id) return { orientationId: null };
    const details = (status.details ?? {}) as { soumisDroitsEtDevoirs?: unknown };
    if (details.soumisDroitsEtDevoirs === false) return { orientationId: null };
    if (await openOrientation(ctx.trx, t, input.personId)) return { orientationId: null };
    const row = await insertPendingOrientation(ctx, {
      personId: input.personId,
      source: 'rsa',
      informationReceivedOn: parisToday(status.recorded_at),
    });
    return { orientationId: row.id };
  },
  auditSubject: (input, output) => ({
    subjectType: 'orientation',
    subjectId: output.orientationId,
    personId: input.personId,
    section: 'situation',
  }),
});

/** RSA closed while the person still waits for an orientation: the system closes it (« Droit RSA clos »). */
export const closeOnRsaClosed = defineUseCase({
  name: 'orientations.closeOnRsaClosed',
  kind: 'command',
  actors: ['system'],
  input,
  authorize: (ctx) => ctx.actor.territoryId !== null,
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId as string;
    const open = await openOrientation(ctx.trx, t, input.personId);
    if (!open || !pendingOrientationStatuses.includes(open.status as OrientationStatus))
      return { orientationId: null };
    const row = await loadOrientation(ctx.trx, t, open.id, true);
    const reason = 'Droit RSA clos';
    await applyTransition(ctx, row, {
      action: 'close',
      actors: ['system'],
      settings: transitionSettings(await settingsOf(ctx.trx, t)),
      fields: { reason },
      set: { ended_at: ctx.now, end_reason: reason },
      facts: { reason },
    });
    return { orientationId: row.id };
  },
  auditSubject: (input, output) => ({
    subjectType: 'orientation',
    subjectId: output.orientationId,
    personId: input.personId,
    section: 'situation',
  }),
});

function statusEvent(event: StoredEvent) {
  const { personId, statusId } = event.payload;
  if (!event.territoryId || typeof personId !== 'string' || typeof statusId !== 'string') return null;
  return { territoryId: event.territoryId, input: { personId, statusId } };
}

export async function onRsaOpened(deps: Deps, event: StoredEvent): Promise<void> {
  const e = statusEvent(event);
  if (e) await execute(deps, startFromRsa, e.input, systemActor('orientations.rsa', e.territoryId));
}

export async function onRsaClosed(deps: Deps, event: StoredEvent): Promise<void> {
  const e = statusEvent(event);
  if (e) await execute(deps, closeOnRsaClosed, e.input, systemActor('orientations.rsa', e.territoryId));
}

/** A completed diagnostic updates the recommended path of the person's waiting orientation. */
export async function onDiagnosticCompleted(deps: Deps, event: StoredEvent): Promise<void> {
  const { personId, recommendedPath, chosenPath } = event.payload;
  const path = typeof chosenPath === 'string' ? chosenPath : recommendedPath;
  if (!event.territoryId || typeof personId !== 'string' || typeof path !== 'string') return;
  await deps.database.db
    .updateTable('orientations')
    .set({ recommended_path: path, updated_at: deps.clock.now() })
    .where('territory_id', '=', event.territoryId)
    .where('person_id', '=', personId)
    .where('status', 'in', [...pendingOrientationStatuses])
    .execute();
}
