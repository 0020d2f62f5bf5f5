import { type AlertRuleId, alertRuleIds } from '@spie/contract/review';
import { createPersonFixture } from '../../testing/peopleFixtures';
import type { TestContext } from '../../testing/testContext';
import { evaluate } from './review.engine';

/** Test helpers of the review module: people followed by demo professionals, alerts read back. */
export const DAY = 86_400_000;
export const ALI_BOBIGNY = "Agence locale d'insertion de Bobigny – Drancy";
export const ML_MONTREUIL = 'Mission locale de Montreuil';

export async function territoryId(ctx: TestContext): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('territories')
    .select('id')
    .where('code', '=', '93')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function orgId(ctx: TestContext, name: string): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function accountId(ctx: TestContext, lastName: string): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('accounts')
    .select('id')
    .where('last_name', '=', lastName)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A person with Girard as référent (ALI Bobigny), unless told otherwise. */
export async function followedPerson(
  ctx: TestContext,
  o: {
    lastContactDaysAgo?: number | null;
    followedDaysAgo?: number;
    birthDate?: string;
    birthName?: string;
  } = {},
): Promise<string> {
  const personId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
    ...(o.birthDate ? { birthDate: o.birthDate } : {}),
    ...(o.birthName ? { birthName: o.birthName } : {}),
  });
  const now = ctx.clock.now().getTime();
  const db = ctx.deps.database.db;
  if (o.followedDaysAgo !== undefined) {
    await db
      .updateTable('follow_ups')
      .set({
        started_at: new Date(now - o.followedDaysAgo * DAY),
        created_at: new Date(now - o.followedDaysAgo * DAY),
      })
      .where('person_id', '=', personId)
      .execute();
  }
  if (o.lastContactDaysAgo !== undefined && o.lastContactDaysAgo !== null) {
    await db
      .updateTable('persons')
      .set({ last_contact_at: new Date(now - o.lastContactDaysAgo * DAY) })
      .where('id', '=', personId)
      .execute();
  }
  return personId;
}

export async function evaluateNow(
  ctx: TestContext,
  personIds: string[] | null = null,
  rules: readonly AlertRuleId[] = alertRuleIds,
) {
  return evaluate(ctx.deps.database.db, await territoryId(ctx), rules, personIds, ctx.clock.now());
}

export async function alertsOf(ctx: TestContext, personId: string, ruleId?: AlertRuleId) {
  let q = ctx.deps.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('opened_at')
    .orderBy('rule_id');
  if (ruleId) q = q.where('rule_id', '=', ruleId);
  return q.execute();
}

export async function openRules(ctx: TestContext, personId: string): Promise<string[]> {
  const rows = await alertsOf(ctx, personId);
  return rows
    .filter((r) => r.status !== 'resolue')
    .map((r) => r.rule_id)
    .sort();
}

export const daysAgo = (ctx: TestContext, days: number) => new Date(ctx.clock.now().getTime() - days * DAY);
