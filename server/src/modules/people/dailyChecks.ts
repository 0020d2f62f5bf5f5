import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { systemActor } from '../../kernel/actor';
import type { Deps } from '../../kernel/deps';
import { defineUseCase, execute } from '../../kernel/useCase';
import { personEvent } from './people.timeline';
import {
  addDays,
  ageFacts,
  anniversary,
  frenchDate,
  parisToday,
  TURNING_26_NOTICE_DAYS,
} from './person.queries';

/** How long before its end a SIAE contract is announced (the exit must be prepared). */
export const SIAE_ENDING_NOTICE_DAYS = 60;

/**
 * Records that a fact was announced; returns the keys that were new, so each SIAE contract end
 * and each 26th birthday is announced exactly once, whatever the number of runs.
 */
async function firstNotices(
  trx: Transaction<DB>,
  territoryId: string,
  kind: string,
  candidates: { key: string; personId: string }[],
  now: Date,
): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const fresh = new Set<string>();
  for (let i = 0; i < candidates.length; i += 1000) {
    const rows = await trx
      .insertInto('person_notices')
      .values(
        candidates.slice(i, i + 1000).map((c) => ({
          territory_id: territoryId,
          kind,
          key: c.key,
          person_id: c.personId,
          noticed_at: now,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .execute();
    for (const r of rows) fresh.add(r.key);
  }
  return fresh;
}

const dailyChecksOfTerritory = defineUseCase({
  name: 'people.dailyChecks',
  kind: 'command',
  actors: ['system'],
  input: z.object({ territoryId: z.uuid() }),
  authorize: (ctx, input) => ctx.actor.territoryId === input.territoryId,
  run: async (ctx, input) => {
    const { territoryId } = input;
    const today = parisToday(ctx.now);

    // SIAE contracts ending within 60 days, once per contract.
    const ending = await ctx.trx
      .selectFrom('person_statuses as s')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.territory_id', '=', 's.territory_id').onRef('p.id', '=', 's.person_id'),
      )
      .select([
        's.id',
        's.person_id',
        sql<string>`coalesce(s.end_date, case when s.details->>'endDate' ~ '^\\d{4}-\\d{2}-\\d{2}$'
          then (s.details->>'endDate')::date end)::text`.as('ends_on'),
      ])
      .where('s.territory_id', '=', territoryId)
      .where('s.kind', '=', 'siae_contract')
      .where('p.merged_into_id', 'is', null)
      .where(
        sql<boolean>`coalesce(s.end_date, case when s.details->>'endDate' ~ '^\\d{4}-\\d{2}-\\d{2}$'
          then (s.details->>'endDate')::date end) between ${today}::date and ${addDays(today, SIAE_ENDING_NOTICE_DAYS)}::date`,
      )
      .execute();
    const endingNew = await firstNotices(
      ctx.trx,
      territoryId,
      'SiaeContractEnding',
      ending.map((s) => ({ key: s.id, personId: s.person_id })),
      ctx.now,
    );
    let siaeContractsEnding = 0;
    for (const s of ending) {
      if (!endingNew.has(s.id)) continue;
      siaeContractsEnding++;
      ctx.emit(
        personEvent(
          ctx,
          'SiaeContractEnding',
          s.person_id,
          {
            section: 'situation',
            summary: `Contrat en structure d’insertion se terminant le ${frenchDate(s.ends_on)}`,
          },
          { statusId: s.id, endsOn: s.ends_on },
        ),
      );
    }

    // People turning 26 within 60 days, once per person: birth dates in (today − 26 y, today + 60 d − 26 y].
    const turning = await ctx.trx
      .selectFrom('persons')
      .select(['id', 'birth_date'])
      .where('territory_id', '=', territoryId)
      .where('merged_into_id', 'is', null)
      .where('birth_date', '>=', anniversary(today, -26))
      .where('birth_date', '<=', anniversary(addDays(today, TURNING_26_NOTICE_DAYS), -26))
      .execute();
    const turningCandidates = turning.filter((p) => ageFacts(p.birth_date, today).turning26Within60Days);
    const turningNew = await firstNotices(
      ctx.trx,
      territoryId,
      'PersonTurning26Soon',
      turningCandidates.map((p) => ({ key: p.id, personId: p.id })),
      ctx.now,
    );
    let turning26Soon = 0;
    for (const p of turningCandidates) {
      if (!turningNew.has(p.id)) continue;
      turning26Soon++;
      const birthday = anniversary(p.birth_date, 26);
      ctx.emit(
        personEvent(
          ctx,
          'PersonTurning26Soon',
          p.id,
          {
            section: 'journey',
            summary: `Aura 26 ans le ${frenchDate(birthday)} : fin des dispositifs jeunes à anticiper`,
          },
          { birthday26: birthday },
        ),
      );
    }
    return { siaeContractsEnding, turning26Soon };
  },
  auditSubject: (_input, output) => ({ details: output }),
});

/**
 * The daily job of the people module (the lead schedules it): announces SIAE contracts ending
 * within 60 days and people turning 26 within 60 days, each once, as domain events that become
 * timeline entries and that alerts and worklists react to. One transaction per territory.
 */
export async function runPeopleDailyChecks(
  deps: Deps,
): Promise<{ siaeContractsEnding: number; turning26Soon: number }> {
  const territories = await deps.database.db.selectFrom('territories').select('id').orderBy('id').execute();
  const total = { siaeContractsEnding: 0, turning26Soon: 0 };
  for (const t of territories) {
    const r = await execute(
      deps,
      dailyChecksOfTerritory,
      { territoryId: t.id },
      systemActor('people.dailyChecks', t.id),
    );
    total.siaeContractsEnding += r.siaeContractsEnding;
    total.turning26Soon += r.turning26Soon;
  }
  return total;
}
