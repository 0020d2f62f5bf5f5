import type { TeamRole } from '@spie/contract/people';
import type { TestContext } from './testContext';

let counter = 0;

/**
 * Inserts a fictional person of territory 93 straight into the database, followed by the given
 * demo professionals (last name → role in the team). For tests that need a record to act on.
 */
export async function createPersonFixture(
  ctx: TestContext,
  team: { lastName: string; role: TeamRole }[] = [],
  overrides: { birthName?: string; firstNames?: string[]; birthDate?: string } = {},
): Promise<string> {
  const db = ctx.deps.database.db;
  const territory = await db
    .selectFrom('territories')
    .select('id')
    .where('code', '=', '93')
    .executeTakeFirstOrThrow();
  counter++;
  const { id } = await db
    .insertInto('persons')
    .values({
      territory_id: territory.id,
      sex: 'F',
      civility: 'Mme',
      birth_name: overrides.birthName ?? `Témoin${counter}`,
      first_names: overrides.firstNames ?? ['Alice'],
      birth_date: overrides.birthDate ?? '1990-05-17',
      commune_code: '93008',
      postal_code: '93000',
      preferred_channel: 'letter',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const member of team) {
    const m = await db
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .innerJoin('organisations as o', (j) =>
        j.onRef('o.territory_id', '=', 'm.territory_id').onRef('o.id', '=', 'm.organisation_id'),
      )
      .select(['m.account_id', 'm.organisation_id'])
      .where('a.last_name', '=', member.lastName)
      .where('m.territory_id', '=', territory.id)
      .where('m.ended_at', 'is', null)
      // The same membership `loginAs` acts through by default (first by organisation name).
      .orderBy('o.name')
      .orderBy('m.role')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('follow_ups')
      .values({
        territory_id: territory.id,
        person_id: id,
        organisation_id: m.organisation_id,
        account_id: m.account_id,
        role: member.role,
        status: 'active',
        started_at: ctx.clock.now(),
      })
      .execute();
  }
  return id;
}
