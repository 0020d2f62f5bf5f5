import { uuid } from '@spie/contract';
import { addStatusBody, type StatusKind } from '@spie/contract/people';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { may, sectionAccess } from './people.access';
import { loadPersonRelation } from './people.relation';
import { addDays, toStatusEntry } from './person.queries';
import { checkStatus, statusAddedEvents } from './statusEvents';
import { mergedRecord } from './updateIdentity';

/**
 * Kinds that hold one value at a time: a new entry ends the open one the day before it starts,
 * so the timeline stays a sequence. SIAE contracts may overlap (and carry their own end).
 */
const ONE_AT_A_TIME = (kind: StatusKind) => kind !== 'siae_contract';

/** A dated administrative status. The journey goes on: the change is an event, never a closure. */
export const addStatus = defineUseCase({
  name: 'people.addStatus',
  kind: 'command',
  input: addStatusBody.extend({ id: uuid }),
  authorize: async (ctx, input) => {
    const { relation } = await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    return may(sectionAccess(ctx.actor, relation), 'situation', 'write');
  },
  run: async (ctx, input) => {
    const { actor } = ctx;
    const { mergedInto } = await loadPersonRelation(ctx.trx, actor, input.id);
    if (mergedInto) throw mergedRecord();
    const problems = checkStatus(input);
    if (problems.length > 0)
      throw new DomainError('validation', 'person.status_invalid', problems[0]?.message ?? '', problems);
    if (ONE_AT_A_TIME(input.kind)) {
      await ctx.trx
        .updateTable('person_statuses')
        .set({ end_date: addDays(input.startDate, -1) })
        .where('territory_id', '=', actor.territoryId)
        .where('person_id', '=', input.id)
        .where('kind', '=', input.kind)
        .where('end_date', 'is', null)
        .where('start_date', '<', input.startDate)
        .execute();
    }
    const row = await ctx.trx
      .insertInto('person_statuses')
      .values({
        territory_id: actor.territoryId,
        person_id: input.id,
        kind: input.kind,
        value: input.kind === 'siae_contract' && !input.value ? String(input.details.siaeType) : input.value,
        details: JSON.stringify(input.details),
        source: input.source,
        start_date: input.startDate,
        end_date: input.endDate,
        recorded_by_account_id: actor.accountId,
        recorded_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const entry = toStatusEntry(row);
    for (const event of statusAddedEvents(ctx, input.id, entry)) ctx.emit(event);
    return entry;
  },
  auditSubject: (input, output) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    section: 'situation',
    details: { statusId: output.id, kind: output.kind },
  }),
});
