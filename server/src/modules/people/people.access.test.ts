import type { PersonRecord, Section, TeamRole } from '@spie/contract/people';
import { sections } from '@spie/contract/people';
import type { Role } from '@spie/contract/territories';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberActor } from '../../kernel/actor';
import { loginAs } from '../../testing/fixtures';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { mayRevealNir, type Relation, sectionAccess } from './people.access';

const roles: Role[] = [
  'professional',
  'social_worker',
  'structure_manager',
  'orientation_manager',
  'territory_admin',
  'steering_viewer',
];

function relation(
  teamRole: TeamRole | null,
  organisationFollows: boolean,
  sensitive: 'consent' | 'objection' | null = null,
): Relation {
  return {
    teamRole,
    organisationFollows,
    consented: new Set<Section>(sensitive === 'consent' ? ['sensitive'] : []),
    objected: new Set<Section>(sensitive === 'objection' ? ['sensitive'] : []),
  };
}

/** The relations a member may have with a person (team members' organisations follow the person). */
const relations = {
  none: relation(null, false),
  referent: relation('referent', true),
  co_referent: relation('co_referent', true),
  intervenant: relation('intervenant', true),
  organisation_follows_only: relation(null, true),
  referent_with_consent: relation('referent', true, 'consent'),
  intervenant_with_consent: relation('intervenant', true, 'consent'),
  referent_with_objection: relation('referent', true, 'objection'),
  social_intervenant_with_objection: relation('intervenant', true, 'objection'),
  consent_without_team: relation(null, true, 'consent'),
} as const;
type RelationName = keyof typeof relations;

/**
 * Expected access, written by hand from the policy (domain §8), one cell per section in this
 * order: identity, situation, diagnostic, sensitive, journey, documents, consultations.
 * `rw` read and write, `r` read only, `-` nothing.
 */
const NONE = '-  -  -  -  -  -  -';
const TEAM = 'rw rw rw -  rw rw r';
const TEAM_SENSITIVE = 'rw rw rw rw rw rw r';
const INTERVENANT = 'r  r  r  -  rw r  -';
const INTERVENANT_SENSITIVE = 'r  r  r  rw rw r  -';
/** A consent lets the organisation read the sensitive section; only social workers write it. */
const TEAM_CONSENT = 'rw rw rw r  rw rw r';
const INTERVENANT_CONSENT = 'r  r  r  r  rw r  -';

const expected: Record<Role, Record<RelationName, string>> = {
  professional: {
    none: NONE,
    referent: TEAM,
    co_referent: TEAM,
    intervenant: INTERVENANT,
    organisation_follows_only: NONE,
    referent_with_consent: TEAM_CONSENT,
    intervenant_with_consent: INTERVENANT_CONSENT,
    referent_with_objection: TEAM,
    social_intervenant_with_objection: INTERVENANT,
    consent_without_team: NONE,
  },
  social_worker: {
    none: NONE,
    referent: TEAM_SENSITIVE,
    co_referent: TEAM_SENSITIVE,
    intervenant: INTERVENANT_SENSITIVE,
    organisation_follows_only: NONE,
    referent_with_consent: TEAM_SENSITIVE,
    intervenant_with_consent: INTERVENANT_SENSITIVE,
    referent_with_objection: TEAM,
    social_intervenant_with_objection: INTERVENANT,
    consent_without_team: NONE,
  },
  structure_manager: {
    none: NONE,
    referent: TEAM,
    co_referent: TEAM,
    intervenant: INTERVENANT,
    organisation_follows_only: 'r  r  -  -  r  -  -',
    referent_with_consent: TEAM_CONSENT,
    intervenant_with_consent: INTERVENANT_CONSENT,
    referent_with_objection: TEAM,
    social_intervenant_with_objection: INTERVENANT,
    consent_without_team: 'r  r  -  -  r  -  -',
  },
  orientation_manager: {
    none: 'r  r  r  -  -  -  -',
    referent: TEAM,
    co_referent: TEAM,
    intervenant: INTERVENANT,
    organisation_follows_only: 'r  r  r  -  -  -  -',
    referent_with_consent: TEAM_CONSENT,
    intervenant_with_consent: INTERVENANT_CONSENT,
    referent_with_objection: TEAM,
    social_intervenant_with_objection: INTERVENANT,
    consent_without_team: 'r  r  r  -  -  -  -',
  },
  territory_admin: {
    none: 'r  -  -  -  -  -  -',
    referent: TEAM,
    co_referent: TEAM,
    intervenant: INTERVENANT,
    organisation_follows_only: 'r  -  -  -  -  -  -',
    referent_with_consent: TEAM_CONSENT,
    intervenant_with_consent: INTERVENANT_CONSENT,
    referent_with_objection: TEAM,
    social_intervenant_with_objection: INTERVENANT,
    consent_without_team: 'r  -  -  -  -  -  -',
  },
  steering_viewer: {
    none: NONE,
    referent: NONE,
    co_referent: NONE,
    intervenant: NONE,
    organisation_follows_only: NONE,
    referent_with_consent: NONE,
    intervenant_with_consent: NONE,
    referent_with_objection: NONE,
    social_intervenant_with_objection: NONE,
    consent_without_team: NONE,
  },
};

/** Who may see the NIR in clear: référents and co-référents, and orientation managers everywhere. */
const expectedReveal: Record<Role, RelationName[]> = {
  professional: ['referent', 'co_referent', 'referent_with_consent', 'referent_with_objection'],
  social_worker: ['referent', 'co_referent', 'referent_with_consent', 'referent_with_objection'],
  structure_manager: ['referent', 'co_referent', 'referent_with_consent', 'referent_with_objection'],
  orientation_manager: Object.keys(relations) as RelationName[],
  territory_admin: ['referent', 'co_referent', 'referent_with_consent', 'referent_with_objection'],
  // Nothing nominative for steering, even by mistake in a team.
  steering_viewer: [],
};

const actorWith = (role: Role): MemberActor => ({
  kind: 'member',
  accountId: '00000000-0000-4000-8000-000000000001',
  sessionIdHash: null,
  membershipId: '00000000-0000-4000-8000-000000000002',
  role,
  organisationId: '00000000-0000-4000-8000-000000000003',
  organisationKind: 'delegataire_departement',
  organisationSensitive: false,
  territoryId: '00000000-0000-4000-8000-000000000004',
});

const cells = roles.flatMap((role) =>
  (Object.keys(relations) as RelationName[]).flatMap((rel) => {
    const parts = expected[role][rel].trim().split(/\s+/);
    return sections.flatMap((section, i) =>
      (['read', 'write'] as const).map((op) => {
        const cell = parts[i] ?? '?';
        const allowed = op === 'read' ? cell.includes('r') : cell.includes('w');
        return [role, rel, section, op, allowed] as const;
      }),
    );
  }),
);

describe('need-to-know matrix: role × relation × section × operation', () => {
  it('covers every cell (6 roles × 10 relations × 7 sections × 2 operations)', () => {
    expect(cells).toHaveLength(6 * 10 * 7 * 2);
    for (const role of roles)
      for (const rel of Object.keys(relations) as RelationName[])
        expect(expected[role][rel].trim().split(/\s+/)).toHaveLength(sections.length);
  });

  it.each(cells)('%s / %s / %s / %s → %s', (role, rel, section, op, allowed) => {
    expect(sectionAccess(actorWith(role), relations[rel])[section][op]).toBe(allowed);
  });

  it.each(roles)('NIR in clear for %s', (role) => {
    for (const rel of Object.keys(relations) as RelationName[])
      expect(mayRevealNir(actorWith(role), relations[rel]), `${role} / ${rel}`).toBe(
        expectedReveal[role].includes(rel),
      );
  });
});

describe('the record over HTTP only carries readable sections', () => {
  let ctx: TestContext;
  let personId: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    personId = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
      { lastName: 'Diallo', role: 'intervenant' },
    ]);
    await ctx.deps.database.db
      .insertInto('person_statuses')
      .values({
        territory_id: (
          await ctx.deps.database.db
            .selectFrom('persons')
            .select('territory_id')
            .where('id', '=', personId)
            .executeTakeFirstOrThrow()
        ).territory_id,
        person_id: personId,
        kind: 'rsa',
        value: '2',
        start_date: '2026-01-01',
      })
      .execute();
  });
  afterAll(() => ctx.close());

  const get = async (lastName: string) =>
    (await loginAs(ctx, lastName)).request<PersonRecord>('GET', `/api/people/${personId}`);

  it('the référent reads identity and situation, not the sensitive section', async () => {
    const res = await get('Girard');
    expect(res.status).toBe(200);
    expect(res.body.identity?.birthName).toMatch(/^Témoin/);
    expect(res.body.situation?.statuses.map((s) => s.kind)).toEqual(['rsa']);
    expect(res.body.access.sensitive).toEqual({ read: false, write: false });
    expect(res.body.access.identity).toEqual({ read: true, write: true });
    expect(res.body.myRole).toBe('referent');
  });

  it('an intervenant sees identity, but the sensitive section is closed to them', async () => {
    const res = await get('Cohen');
    expect(res.status).toBe(200);
    expect(res.body.identity).not.toBeNull();
    expect(res.body.access.sensitive.read).toBe(false);
    expect(res.body.access.identity).toEqual({ read: true, write: false });
    expect(res.body.access.journey).toEqual({ read: true, write: true });
  });

  it('a social worker in the team may read the sensitive section', async () => {
    const res = await get('Diallo');
    expect(res.status).toBe(200);
    expect(res.body.access.sensitive).toEqual({ read: true, write: true });
  });

  it('a territory admin sees identity and the team, but situation is null', async () => {
    const res = await get('Fontaine');
    expect(res.status).toBe(200);
    expect(res.body.identity).not.toBeNull();
    expect(res.body.situation).toBeNull();
    expect(res.body.team.map((t) => t.professionalName)).toContain('Thomas Girard');
  });

  it('an orientation manager reads identity and situation', async () => {
    const res = await get('Benali');
    expect(res.status).toBe(200);
    expect(res.body.situation?.statuses).toHaveLength(1);
    expect(res.body.access.journey.read).toBe(false);
  });

  it('a steering viewer and a professional outside the team are refused', async () => {
    expect([403, 404]).toContain((await get('Lambert')).status);
    expect([403, 404]).toContain((await get('Petit')).status);
    // A colleague of the référent's organisation who is not in the team is not in it either.
    expect([403, 404]).toContain((await get('Moreau')).status);
  });

  it('the structure manager of a following organisation reads identity, situation and journey only', async () => {
    const res = await get('Haddad');
    expect(res.status).toBe(200);
    expect(res.body.identity).not.toBeNull();
    expect(res.body.situation).not.toBeNull();
    expect(res.body.access.diagnostic.read).toBe(false);
    expect(res.body.access.journey).toEqual({ read: true, write: false });
  });
});
