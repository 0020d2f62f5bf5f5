import type { ErrorBody } from '@spie/contract';
import { nirKey, type PersonRecord } from '@spie/contract/people';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const withKey = (body13: string) => `${body13}${String(nirKey(body13)).padStart(2, '0')}`;
const NIR = withKey('2900593008077');
let existing: string;

beforeEach(async () => {
  await ctx.reset();
  existing = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
    birthName: 'Benhamou',
    firstNames: ['Sophia'],
    birthDate: '1990-05-17',
  });
  await ctx.deps.database.db
    .updateTable('persons')
    .set({
      nir_index: ctx.deps.crypto.blindIndex(NIR),
      benefit_organism: 'caf',
      benefit_matricule: '1112223',
      household_role: 'demandeur',
      france_travail_id: '0123456X',
    })
    .where('id', '=', existing)
    .execute();
});

type Candidate = { matchedOn: string; person: { id: string } | null; card: { personId: string } | null };
const identity = (o: Record<string, unknown> = {}) => ({
  sex: 'F',
  birthName: 'Autre',
  firstNames: ['Nom'],
  birthDate: '1970-01-01',
  ...o,
});

describe('likely duplicates', () => {
  it('matches rule by rule: NIR, CAF matricule + role, France Travail id, names + birth date', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const probe = async (body: unknown) =>
      (await girard.request<{ items: Candidate[] }>('POST', '/api/people/duplicates', body)).body.items;
    expect((await probe({ identity: {}, identifiers: { nir: NIR } })).map((c) => c.matchedOn)).toEqual([
      'nir',
    ]);
    expect(
      (
        await probe({
          identity: {},
          identifiers: { benefitMatricule: '1112223', householdRole: 'demandeur' },
        })
      )[0]?.matchedOn,
    ).toBe('benefit_matricule');
    // The conjoint of the same household shares the matricule: not a duplicate.
    expect(
      await probe({ identity: {}, identifiers: { benefitMatricule: '1112223', householdRole: 'conjoint' } }),
    ).toEqual([]);
    expect((await probe({ identity: {}, identifiers: { franceTravailId: '0123456x' } }))[0]?.matchedOn).toBe(
      'france_travail_id',
    );
    const fuzzy = await probe({
      identity: { birthName: 'BENAMOU', firstNames: ['Sofia'], birthDate: '1990-05-17' },
      identifiers: {},
    });
    expect(fuzzy).toEqual([
      { matchedOn: 'name_birth_date', person: expect.objectContaining({ id: existing }), card: null },
    ]);
    expect(
      await probe({
        identity: { birthName: 'Benhamou', firstNames: ['Sophia'], birthDate: '1990-05-18' },
        identifiers: {},
      }),
    ).toEqual([]);
    // A stronger rule wins: one candidate, matched on the NIR.
    const both = await probe({
      identity: { birthName: 'Benhamou', firstNames: ['Sophia'], birthDate: '1990-05-17' },
      identifiers: { nir: NIR },
    });
    expect(both.map((c) => c.matchedOn)).toEqual(['nir']);
  });

  it('shows a summary to those who may read the record, the directory card to the others', async () => {
    const petit = await loginAs(ctx, 'Petit');
    const res = await petit.request<{ items: Candidate[] }>('POST', '/api/people/duplicates', {
      identity: { birthName: 'Benhamou', firstNames: ['Sophia'], birthDate: '1990-05-17' },
    });
    expect(res.body.items).toEqual([
      {
        matchedOn: 'name_birth_date',
        person: null,
        card: expect.objectContaining({ personId: existing, displayName: 'Sophia B.', birthYear: 1990 }),
      },
    ]);
  });

  it('creation refuses a likely duplicate unless confirmed, and an existing NIR always', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const likely = await girard.request('POST', '/api/people', {
      identity: identity({ birthName: 'Benhamou', firstNames: ['Sophia'], birthDate: '1990-05-17' }),
    });
    expect(likely.status).toBe(409);
    const error = (likely.body as ErrorBody).error;
    expect(error.code).toBe('person.likely_duplicate');
    expect(error.details).toEqual({
      items: [
        { matchedOn: 'name_birth_date', person: expect.objectContaining({ id: existing }), card: null },
      ],
    });
    const confirmed = await girard.request<PersonRecord>('POST', '/api/people', {
      identity: identity({ birthName: 'Benhamou', firstNames: ['Sophia'], birthDate: '1990-05-17' }),
      confirmNotDuplicate: true,
    });
    expect(confirmed.status).toBe(201);
    const nir = await girard.request('POST', '/api/people', {
      identity: identity(),
      identifiers: { nir: NIR },
      confirmNotDuplicate: true,
    });
    expect(nir.status).toBe(409);
    expect((nir.body as ErrorBody).error.code).toBe('person.nir_exists');
    const count = await ctx.deps.database.db.selectFrom('persons').select('id').execute();
    expect(count).toHaveLength(2);
  });

  it('updating identity to a NIR another record holds is refused', async () => {
    const other = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const girard = await loginAs(ctx, 'Girard');
    const res = await girard.request('PUT', `/api/people/${other}/identity`, {
      identity: identity({ birthName: 'Témoin', firstNames: ['Alice'], birthDate: '1990-05-17' }),
      identifiers: { nir: NIR },
      version: 1,
    });
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).error.code).toBe('person.nir_exists');
  });
});
