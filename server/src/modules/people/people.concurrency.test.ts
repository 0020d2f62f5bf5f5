import type { ErrorBody } from '@spie/contract';
import type { PersonRecord } from '@spie/contract/people';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';

let ctx: TestContext;
let personId: string;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  personId = await createPersonFixture(ctx, [
    { lastName: 'Girard', role: 'referent' },
    { lastName: 'Cohen', role: 'co_referent' },
  ]);
});

function editable(r: PersonRecord) {
  const i = r.identity;
  if (!i) throw new Error('identity expected');
  return {
    identity: {
      civility: i.civility,
      sex: i.sex,
      birthName: i.birthName,
      usageName: i.usageName,
      firstNames: i.firstNames,
      birthDate: i.birthDate,
      birthCommuneCode: i.birthCommuneCode,
      birthCountryCode: i.birthCountryCode,
      addressLine: i.addressLine,
      postalCode: i.postalCode,
      communeCode: i.communeCode,
      phoneMobile: i.phoneMobile,
      phoneOther: i.phoneOther,
      email: i.email,
      preferredChannel: i.preferredChannel,
      language: i.language,
    },
    identifiers: {
      benefitOrganism: i.benefitOrganism,
      benefitMatricule: i.benefitMatricule,
      householdRole: i.householdRole,
      franceTravailId: i.franceTravailId,
      internalId: i.internalId,
    },
    version: i.version,
  };
}

describe('optimistic concurrency', () => {
  it('the second identity writer gets 409 naming the fields changed since their version', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const cohen = await loginAs(ctx, 'Cohen');
    const a = editable((await girard.request<PersonRecord>('GET', `/api/people/${personId}`)).body);
    const b = editable((await cohen.request<PersonRecord>('GET', `/api/people/${personId}`)).body);
    const first = await girard.request<PersonRecord>('PUT', `/api/people/${personId}/identity`, {
      ...a,
      identity: { ...a.identity, addressLine: '3 allée des Tilleuls', phoneMobile: '0639980002' },
    });
    expect(first.status).toBe(200);
    expect(first.body.identity?.version).toBe(2);
    const second = await cohen.request('PUT', `/api/people/${personId}/identity`, {
      ...b,
      identity: { ...b.identity, email: 'nouvelle@example.org' },
    });
    expect(second.status).toBe(409);
    const error = (second.body as ErrorBody).error;
    expect(error.code).toBe('person.version_conflict');
    expect(error.details).toMatchObject({
      yourVersion: 1,
      currentVersion: 2,
      changedFields: ['identity.addressLine', 'identity.phoneMobile'],
    });
    const row = await ctx.deps.database.db
      .selectFrom('persons')
      .select(['address_line', 'email', 'identity_version'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ address_line: '3 allée des Tilleuls', email: null, identity_version: 2 });
    // Reloaded, the second writer succeeds.
    const retry = await cohen.request<PersonRecord>('PUT', `/api/people/${personId}/identity`, {
      ...editable(first.body),
      identity: { ...editable(first.body).identity, email: 'nouvelle@example.org' },
    });
    expect(retry.status).toBe(200);
    expect(retry.body.identity).toMatchObject({
      email: 'nouvelle@example.org',
      addressLine: '3 allée des Tilleuls',
      version: 3,
    });
    const events = await ctx.deps.database.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'PersonIdentityUpdated')
      .execute();
    expect(events.map((e) => (e.payload as { fields: string[] }).fields)).toEqual([
      ['identity.addressLine', 'identity.phoneMobile'],
      ['identity.email'],
    ]);
  });

  it('simultaneous writers: exactly one wins, the other gets a conflict', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const cohen = await loginAs(ctx, 'Cohen');
    const base = editable((await girard.request<PersonRecord>('GET', `/api/people/${personId}`)).body);
    const [r1, r2] = await Promise.all([
      girard.request('PUT', `/api/people/${personId}/identity`, {
        ...base,
        identity: { ...base.identity, language: 'arabe' },
      }),
      cohen.request('PUT', `/api/people/${personId}/identity`, {
        ...base,
        identity: { ...base.identity, language: 'tamoul' },
      }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
  });

  it('household has its own version: an identity edit does not conflict with it, a household edit does', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const cohen = await loginAs(ctx, 'Cohen');
    const first = await girard.request<PersonRecord>('PUT', `/api/people/${personId}/household`, {
      household: { dependentChildren: 1, childrenAgeBands: ['3-5'], loneParent: true },
      version: 1,
    });
    expect(first.status).toBe(200);
    const second = await cohen.request('PUT', `/api/people/${personId}/household`, {
      household: { dependentChildren: 2 },
      version: 1,
    });
    expect(second.status).toBe(409);
    expect((second.body as ErrorBody).error).toMatchObject({
      code: 'person.version_conflict',
      details: {
        changedFields: ['household.childrenAgeBands', 'household.dependentChildren', 'household.loneParent'],
      },
    });
    const record = (await cohen.request<PersonRecord>('GET', `/api/people/${personId}`)).body;
    const identityEdit = await cohen.request('PUT', `/api/people/${personId}/identity`, editable(record));
    expect(identityEdit.status).toBe(200);
  });
});
