import type {
  childAgeBands,
  PersonRecord,
  PersonSummary,
  Section,
  StatusEntry,
  StatusKind,
  TeamMember,
  TeamRole,
} from '@spie/contract/people';
import { sections } from '@spie/contract/people';
import type { OrganisationKind } from '@spie/contract/territories';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database';
import type { PersonStatuses, Persons } from '../../db/schema';
import type { MemberActor } from '../../kernel/actor';
import { DomainError, type fieldError } from '../../kernel/errors';
import { may, type Relation, sectionAccess } from './people.access';
import { personNotFound, visibleTo } from './people.relation';

// ---------------------------------------------------------------------------------------------
// Dates and age-derived facts (computed from the clock, never stored)

/** The calendar day in France: ages and "today" follow the territory's clock, not UTC. */
export function parisToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day a person born on `birthDate` turns `years` (29 February → 1 March in common years). */
export function anniversary(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Turning 26 matters (end of youth schemes: CEJ, PACEA, missions locales). */
export const TURNING_26_NOTICE_DAYS = 60;

export function ageFacts(birthDate: string, today: string) {
  const age = ageOn(birthDate, today);
  const birthday26 = anniversary(birthDate, 26);
  return {
    age,
    under26: age < 26,
    turning26Within60Days: birthday26 > today && birthday26 <= addDays(today, TURNING_26_NOTICE_DAYS),
  };
}

/** "JJ/MM/AAAA" for summaries and messages. */
export const frenchDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

// ---------------------------------------------------------------------------------------------
// Names

type NameParts = { first_names: string[]; birth_name: string; usage_name: string | null };

/** "Alice MARTIN": first name and the name in use, as French forms print them. */
export const displayName = (p: NameParts) =>
  `${p.first_names[0] ?? ''} ${(p.usage_name ?? p.birth_name).toLocaleUpperCase('fr-FR')}`.trim();

/** "Alice M.": all the directory tells about a name. */
export const directoryName = (p: NameParts) =>
  `${p.first_names[0] ?? ''} ${(p.usage_name ?? p.birth_name).charAt(0).toLocaleUpperCase('fr-FR')}.`.trim();

// ---------------------------------------------------------------------------------------------
// Checks that need the database

/** Unknown commune codes become field errors, so a form can point at them. */
export async function checkCommunes(
  db: Db,
  codes: { path: string; code: string | null }[],
  code = 'person.commune_unknown',
): Promise<void> {
  const wanted = codes.filter((c): c is { path: string; code: string } => c.code !== null);
  if (wanted.length === 0) return;
  const found = new Set(
    (
      await db
        .selectFrom('communes')
        .select('code')
        .where(
          'code',
          'in',
          wanted.map((c) => c.code),
        )
        .execute()
    ).map((r) => r.code),
  );
  const problems: Parameters<typeof fieldError>[] = wanted
    .filter((c) => !found.has(c.code))
    .map((c) => [code, c.path, 'Commune inconnue : vérifiez le code INSEE (5 caractères, ex. 93008).']);
  if (problems.length > 0) {
    throw new DomainError(
      'validation',
      code,
      problems[0]?.[2] ?? 'Commune inconnue.',
      problems.map(([, path, message]) => ({ path, message })),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The record

export type PersonRow = Selectable<Persons> & {
  commune_name: string | null;
  birth_commune_name: string | null;
};

export async function findPersonRow(db: Db, territoryId: string, id: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom('persons')
    .selectAll('persons')
    .select((eb) => [
      eb
        .selectFrom('communes')
        .select('communes.name')
        .whereRef('communes.code', '=', 'persons.commune_code')
        .as('commune_name'),
      eb
        .selectFrom('communes')
        .select('communes.name')
        .whereRef('communes.code', '=', 'persons.birth_commune_code')
        .as('birth_commune_name'),
    ])
    .where('persons.territory_id', '=', territoryId)
    .where('persons.id', '=', id)
    .executeTakeFirst();
}

export async function loadPersonRow(db: Db, territoryId: string, id: string): Promise<PersonRow> {
  const row = await findPersonRow(db, territoryId, id);
  if (!row) throw personNotFound();
  return row;
}

export function toIdentity(
  row: PersonRow,
  partnerName: string | null,
): NonNullable<PersonRecord['identity']> {
  return {
    civility: row.civility,
    sex: row.sex as 'M' | 'F',
    birthName: row.birth_name,
    usageName: row.usage_name,
    firstNames: row.first_names,
    birthDate: row.birth_date,
    birthCommuneCode: row.birth_commune_code,
    birthCommuneName: row.birth_commune_name,
    birthCountryCode: row.birth_country_code,
    addressLine: row.address_line,
    postalCode: row.postal_code,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    phoneMobile: row.phone_mobile,
    phoneOther: row.phone_other,
    email: row.email,
    contactToCheck: [
      ...(row.phone_invalid_at ? (['phone'] as const) : []),
      ...(row.email_invalid_at ? (['email'] as const) : []),
    ],
    preferredChannel: row.preferred_channel as NonNullable<PersonRecord['identity']>['preferredChannel'],
    language: row.language,
    nirMasked: row.nir_masked,
    benefitOrganism: row.benefit_organism as 'caf' | 'msa' | null,
    benefitMatricule: row.benefit_matricule,
    householdRole: row.household_role as 'demandeur' | 'conjoint' | null,
    franceTravailId: row.france_travail_id,
    internalId: row.internal_id,
    household: {
      partnerId: row.partner_id,
      partnerName,
      dependentChildren: row.dependent_children,
      childrenAgeBands: row.children_age_bands as (typeof childAgeBands)[number][],
      loneParent: row.lone_parent,
    },
    version: row.identity_version,
  };
}

export function toStatusEntry(r: Selectable<PersonStatuses>): StatusEntry {
  return {
    id: r.id,
    kind: r.kind as StatusKind,
    value: r.value,
    details: (r.details ?? {}) as StatusEntry['details'],
    source: r.source as StatusEntry['source'],
    startDate: r.start_date,
    endDate: r.end_date,
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}

export async function loadStatuses(db: Db, territoryId: string, personId: string): Promise<StatusEntry[]> {
  const rows = await db
    .selectFrom('person_statuses')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .orderBy('start_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toStatusEntry);
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The team around a person, history included (ended, declined and pending follow-ups too).
 * Follow-ups by organisations flagged `sensitive` (addiction care, shelters…) reveal health or
 * safety facts: only readers of the sensitive section and that organisation's members see them.
 */
export async function loadTeam(
  db: Db,
  actor: MemberActor,
  personId: string,
  options: { showSensitiveOrganisations: boolean },
): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('follow_ups as f')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'f.territory_id').onRef('o.id', '=', 'f.organisation_id'),
    )
    .leftJoin('accounts as a', 'a.id', 'f.account_id')
    .select([
      'f.id',
      'f.organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'o.email as organisation_email',
      'o.phone as organisation_phone',
      'f.account_id',
      'a.first_name',
      'a.last_name',
      'a.email',
      'a.phone',
      'f.role',
      'f.status',
      'f.started_at',
      'f.ended_at',
      'f.reason',
      'f.end_reason',
      'f.created_at',
    ])
    .where('f.territory_id', '=', actor.territoryId)
    .where('f.person_id', '=', personId)
    .$if(!options.showSensitiveOrganisations, (q) =>
      q.where((eb) => eb.or([eb('o.sensitive', '=', false), eb('o.id', '=', actor.organisationId)])),
    )
    .orderBy(sql`case f.status when 'active' then 0 when 'requested' then 1 when 'invited' then 1 else 2 end`)
    .orderBy(sql`case f.role when 'referent' then 0 when 'co_referent' then 1 else 2 end`)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    followUpId: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    organisationKind: r.organisation_kind as OrganisationKind,
    accountId: r.account_id,
    professionalName: r.first_name && r.last_name ? `${r.first_name} ${r.last_name}` : null,
    workEmail: r.email ?? r.organisation_email,
    workPhone: r.phone ?? r.organisation_phone,
    role: r.role as TeamRole,
    status: r.status as TeamMember['status'],
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    reason: r.end_reason ?? r.reason,
  }));
}

/** The partner's name, only when the caller may see that other record too. */
async function partnerName(db: Db, actor: MemberActor, partnerId: string | null): Promise<string | null> {
  if (!partnerId) return null;
  const partner = await db
    .selectFrom('persons')
    .select(['first_names', 'birth_name', 'usage_name'])
    .where('persons.id', '=', partnerId)
    .where(visibleTo(actor))
    .executeTakeFirst();
  return partner ? displayName(partner) : null;
}

/**
 * Assembles the person page with only the sections the caller may read; also says which
 * sections were returned, for the consultation log.
 */
export async function buildPersonRecord(
  db: Db,
  actor: MemberActor,
  personId: string,
  relation: Relation,
  now: Date,
): Promise<{ record: PersonRecord; sectionsRead: Section[] }> {
  const access = sectionAccess(actor, relation);
  const row = await loadPersonRow(db, actor.territoryId, personId);
  const canIdentity = may(access, 'identity', 'read');
  const canSituation = may(access, 'situation', 'read');
  const record: PersonRecord = {
    id: row.id,
    displayName: displayName(row),
    access,
    myRole: relation.teamRole,
    ageFacts: ageFacts(row.birth_date, parisToday(now)),
    identity: canIdentity ? toIdentity(row, await partnerName(db, actor, row.partner_id)) : null,
    situation: canSituation ? { statuses: await loadStatuses(db, actor.territoryId, personId) } : null,
    team: canIdentity
      ? await loadTeam(db, actor, personId, {
          showSensitiveOrganisations: may(access, 'sensitive', 'read'),
        })
      : [],
    mergedInto: row.merged_into_id,
  };
  const sectionsRead = sections.filter(
    (s) => (s === 'identity' && canIdentity) || (s === 'situation' && canSituation),
  );
  return { record, sectionsRead };
}

// ---------------------------------------------------------------------------------------------
// Summaries (search results, caseloads, duplicate candidates)

/**
 * One query for a page of people, whatever produced the ids (search, caseload, duplicates):
 * commune, référent and organisation, the caller's own role, current status kinds. Keeps the
 * order of `ids`.
 */
export async function personSummaries(
  db: Db,
  actor: MemberActor,
  ids: string[],
  today: string,
): Promise<PersonSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('persons as p')
    .leftJoin('communes as c', 'c.code', 'p.commune_code')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('follow_ups as rf')
          .innerJoin('organisations as ro', (j) =>
            j.onRef('ro.territory_id', '=', 'rf.territory_id').onRef('ro.id', '=', 'rf.organisation_id'),
          )
          .leftJoin('accounts as ra', 'ra.id', 'rf.account_id')
          .select(['ro.name as organisation_name', 'ra.first_name', 'ra.last_name'])
          .whereRef('rf.territory_id', '=', 'p.territory_id')
          .whereRef('rf.person_id', '=', 'p.id')
          .where('rf.role', '=', 'referent')
          .where('rf.status', '=', 'active')
          .where((w) => w.or([w('ro.sensitive', '=', false), w('ro.id', '=', actor.organisationId)]))
          .limit(1)
          .as('ref'),
      (j) => j.onTrue(),
    )
    .select([
      'p.id',
      'p.first_names',
      'p.birth_name',
      'p.usage_name',
      'p.birth_date',
      'c.name as commune_name',
      'ref.organisation_name',
      'ref.first_name as referent_first_name',
      'ref.last_name as referent_last_name',
      sql<string | null>`(
        select f.role from follow_ups f
        where f.territory_id = p.territory_id and f.person_id = p.id and f.status = 'active'
          and f.organisation_id = ${actor.organisationId}
          and (f.account_id = ${actor.accountId} or f.account_id is null)
        order by case f.role when 'referent' then 0 when 'co_referent' then 1 else 2 end
        limit 1)`.as('my_role'),
      sql<string[]>`array(
        select distinct s.kind from person_statuses s
        where s.territory_id = p.territory_id and s.person_id = p.id
          and s.start_date <= ${today} and (s.end_date is null or s.end_date >= ${today})
        order by 1)`.as('statuses'),
    ])
    .where('p.territory_id', '=', actor.territoryId)
    .where('p.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    // Statuses belong to the situation section: a territory admin outside the team reads identity only.
    const seesSituation = actor.role !== 'territory_admin' || r.my_role !== null;
    return [
      {
        id: r.id,
        displayName: displayName(r),
        birthDate: r.birth_date,
        age: ageOn(r.birth_date, today),
        communeName: r.commune_name,
        referentName:
          r.referent_first_name && r.referent_last_name
            ? `${r.referent_first_name} ${r.referent_last_name}`
            : null,
        referentOrganisationName: r.organisation_name ?? null,
        myRole: r.my_role as TeamRole | null,
        statuses: seesSituation ? (r.statuses as StatusKind[]) : [],
      },
    ];
  });
}
