import { defaultTerritorySettings, luhnValid, roleLabels } from '@spie/contract/territories';
import { systemActor } from '../kernel/actor';
import { appendAudit } from '../kernel/audit';
import type { Deps } from '../kernel/deps';
import { recomputeTerritory } from '../modules/review';
import { insertDemoPeople } from './demoPeople';
import { demoAccounts, demoOrganisations } from './demoTerritory.data';

export const DEMO_TERRITORY_CODE = '93';

/** Appends the Luhn key digit to a 13-digit base. */
export function withLuhnKey(base: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${base}${d}`)) return `${base}${d}`;
  throw new Error('unreachable');
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const demoEmail = (firstName: string, lastName: string, orgKey: string) =>
  `${slug(firstName)}.${slug(lastName)}@${orgKey}.demo.example.org`;

/**
 * Loads the demo territory once (first start); returns false when it is already there. With
 * `people`, also its fictional people (queue « À orienter », orientations, diagnostics): what
 * `npm start` shows; tests and the scale seed start from organisations and accounts only.
 */
export async function ensureDemoTerritory(deps: Deps, options: { people?: boolean } = {}): Promise<boolean> {
  const now = deps.clock.now();
  const created = await deps.database.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('territories')
      .select('id')
      .where('code', '=', DEMO_TERRITORY_CODE)
      .executeTakeFirst();
    if (existing) return null;
    const { id: territoryId } = await trx
      .insertInto('territories')
      .values({
        code: DEMO_TERRITORY_CODE,
        name: 'Seine-Saint-Denis (démo)',
        settings: JSON.stringify(defaultTerritorySettings),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const orgIds = new Map<string, string>();
    const accountIds = new Map<string, string>();
    const accountOrgs = new Map<string, string>();
    for (const org of demoOrganisations) {
      const { id } = await trx
        .insertInto('organisations')
        .values({
          territory_id: territoryId,
          kind: org.kind,
          name: org.name,
          siret: org.siretBase ? withLuhnKey(org.siretBase) : null,
          safir_code: org.safirCode ?? null,
          address_line: org.addressLine,
          postal_code: org.postalCode,
          commune_code: org.communeCode,
          email: `contact@${org.key}.demo.example.org`,
          phone: null,
          sensitive: org.sensitive ?? false,
          parent_id: org.parent ? (orgIds.get(org.parent) ?? null) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(org.key, id);
    }
    for (const account of demoAccounts) {
      const firstOrg = account.memberships[0]?.org ?? 'demo';
      const { id: accountId } = await trx
        .insertInto('accounts')
        .values({
          email: demoEmail(account.firstName, account.lastName, firstOrg),
          first_name: account.firstName,
          last_name: account.lastName,
          phone: account.phone ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      accountIds.set(account.lastName, accountId);
      accountOrgs.set(account.lastName, firstOrg);
      for (const m of account.memberships) {
        const organisationId = orgIds.get(m.org);
        if (!organisationId) throw new Error(`demo data: unknown organisation ${m.org}`);
        await trx
          .insertInto('memberships')
          .values({
            territory_id: territoryId,
            account_id: accountId,
            organisation_id: organisationId,
            role: m.role,
          })
          .execute();
      }
    }
    const people = options.people
      ? await insertDemoPeople(trx, {
          territoryId,
          orgIds,
          accountIds,
          accountOrgs,
          settings: defaultTerritorySettings,
          now,
          crypto: deps.crypto,
        })
      : 0;
    await appendAudit(
      trx,
      systemActor('demo-seed', territoryId),
      {
        action: 'demo.seedTerritory',
        subjectType: 'territory',
        subjectId: territoryId,
        details: {
          organisations: demoOrganisations.length,
          accounts: demoAccounts.length,
          ...(people > 0 ? { people } : {}),
        },
      },
      { at: now, requestId: null },
    );
    return territoryId;
  });
  if (!created) return false;
  // The alerts of the demo people are computed by the review engine itself, as the nightly pass does.
  if (options.people) await recomputeTerritory(deps, created);
  return true;
}

export async function printDemoAccounts(deps: Deps, url: string): Promise<void> {
  const rows = await deps.database.db
    .selectFrom('accounts as a')
    .innerJoin('memberships as m', (j) => j.onRef('m.account_id', '=', 'a.id').on('m.ended_at', 'is', null))
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'm.territory_id').onRef('o.id', '=', 'm.organisation_id'),
    )
    .select(['a.first_name', 'a.last_name', 'm.role', 'o.name'])
    .orderBy('m.role')
    .orderBy('a.last_name')
    .execute();
  const lines = rows.map(
    (r) =>
      `  - ${r.first_name} ${r.last_name} — ${roleLabels[r.role as keyof typeof roleLabels] ?? r.role} — ${r.name}`,
  );
  console.log(
    [
      '',
      `SPIE est prêt : ${url}`,
      'Mode démonstration : choisissez un compte sur la page de connexion. Comptes de démonstration (personnes fictives) :',
      ...lines,
      '',
    ].join('\n'),
  );
}
