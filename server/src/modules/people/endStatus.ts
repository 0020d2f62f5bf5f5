import { uuid } from '@spie/contract';
import { isoDate } from '@spie/contract/people';
import { z } from 'zod';
import { conflict, DomainError, notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { may, sectionAccess } from './people.access';
import { loadPersonRelation } from './people.relation';
import { toStatusEntry } from './person.queries';
import { statusEndedEvents } from './statusEvents';

export const endStatus = defineUseCase({
  name: 'people.endStatus',
  kind: 'command',
  input: z.object({ id: uuid, statusId: uuid, endDate: isoDate }),
  authorize: async (ctx, input) => {
    const { relation } = await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    return may(sectionAccess(ctx.actor, relation), 'situation', 'write');
  },
  run: async (ctx, input) => {
    const { actor } = ctx;
    const current = await ctx.trx
      .selectFrom('person_statuses')
      .selectAll()
      .where('territory_id', '=', actor.territoryId)
      .where('person_id', '=', input.id)
      .where('id', '=', input.statusId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('person.status_not_found', 'Statut introuvable dans ce dossier.');
    if (current.end_date !== null)
      throw conflict('person.status_already_ended', 'Ce statut est déjà terminé.');
    if (input.endDate < current.start_date) {
      const message = 'La date de fin doit suivre la date de début du statut.';
      throw new DomainError('validation', 'person.status_end_before_start', message, [
        { path: 'endDate', message },
      ]);
    }
    const row = await ctx.trx
      .updateTable('person_statuses')
      .set({ end_date: input.endDate })
      .where('territory_id', '=', actor.territoryId)
      .where('id', '=', input.statusId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const entry = toStatusEntry(row);
    for (const event of statusEndedEvents(ctx, input.id, entry)) ctx.emit(event);
    return entry;
  },
  auditSubject: (input) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    section: 'situation',
    details: { statusId: input.statusId },
  }),
});
