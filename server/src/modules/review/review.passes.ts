import { performance } from 'node:perf_hooks';
import { alertRuleIds } from '@spie/contract/review';
import { sql } from 'kysely';
import type { Deps } from '../../kernel/deps';
import type { StoredEvent } from '../../kernel/outbox';
import { applyAppointmentContact } from './contacts';
import { type EvaluationResult, evaluate, rulesTriggeredBy } from './review.engine';

/** Events that may change who is the person's référent unique. */
const teamEvents = new Set([
  'ReferentDesignated',
  'TeamMemberJoined',
  'TeamMemberLeft',
  'OrientationReferentAssigned',
  'PeopleMerged',
  'MergeUndone',
]);

/** Changes after which a pass refreshes the statistics of `alerts` (PGlite has no autovacuum). */
const ANALYZE_AFTER_CHANGES = 5000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every rule for every person of the territory (the nightly pass, the CLI and the admins'
 * « réévaluer » button): catches the conditions that come with time (deadlines, birthdays).
 */
export async function recomputeTerritory(
  deps: Deps,
  territoryId: string,
): Promise<{ people: number; opened: number; resolved: number; durationMs: number }> {
  const started = performance.now();
  const db = deps.database.db;
  const { people } = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('people'))
    .where('territory_id', '=', territoryId)
    .where('merged_into_id', 'is', null)
    .executeTakeFirstOrThrow();
  const r = await evaluate(db, territoryId, alertRuleIds, null, deps.clock.now());
  // Many alerts opened or closed at once (first pass, new parameters): refresh the planner's
  // statistics now, or the next passes and the counts would be planned for the old table.
  if (r.opened + r.resolved > ANALYZE_AFTER_CHANGES) await sql`analyze alerts`.execute(db);
  return { people: Number(people), ...r, durationMs: Math.round(performance.now() - started) };
}

/**
 * The rules an event concerns (`triggers` holding its type; all rules without a type), for the
 * given people only: the incremental evaluation after a domain event.
 */
export async function reevaluatePeople(
  deps: Deps,
  territoryId: string,
  personIds: string[],
  eventType?: string,
): Promise<EvaluationResult> {
  return evaluate(deps.database.db, territoryId, rulesTriggeredBy(eventType), personIds, deps.clock.now(), {
    // The référent changes only with the team: keep the open alerts' référent current then.
    refreshReferents: eventType === undefined || teamEvents.has(eventType),
  });
}

/** Recomputes every territory, one after the other (nightly job and CLI). */
export async function recomputeAllTerritories(deps: Deps, codes?: string[]) {
  let query = deps.database.db.selectFrom('territories').select(['id', 'code', 'name']).orderBy('code');
  if (codes && codes.length > 0) query = query.where('code', 'in', codes);
  const territories = await query.execute();
  const out: {
    code: string;
    name: string;
    people: number;
    opened: number;
    resolved: number;
    durationMs: number;
  }[] = [];
  for (const t of territories)
    out.push({ code: t.code, name: t.name, ...(await recomputeTerritory(deps, t.id)) });
  return out;
}

/**
 * Subscriber to every event: an event about a person (payload `personId`) first becomes contact
 * facts (an honoured appointment), then re-evaluates that person's rules triggered by its type.
 */
export async function onDomainEvent(deps: Deps, event: StoredEvent): Promise<void> {
  const personId = event.payload.personId;
  if (!event.territoryId || typeof personId !== 'string' || !UUID.test(personId)) return;
  if (event.type === 'AppointmentStatusChanged') await applyAppointmentContact(deps.database.db, event);
  // A merge moves the journey to the kept record: every rule, for both records (the duplicate's
  // alerts close, being a merged record's); an undone merge re-evaluates each record in full.
  if (event.type === 'PeopleMerged' || event.type === 'MergeUndone') {
    const duplicateId = event.payload.duplicateId;
    const ids =
      typeof duplicateId === 'string' && UUID.test(duplicateId) ? [personId, duplicateId] : [personId];
    await reevaluatePeople(deps, event.territoryId, ids);
    return;
  }
  if (rulesTriggeredBy(event.type).length === 0) return;
  await reevaluatePeople(deps, event.territoryId, [personId], event.type);
}
