import { type Path, paths } from '@spie/contract/diagnostics';
import { type Kysely, sql } from 'kysely';
import { choiceReasons, loadSituationCodes, sampleDiagnostic } from '../diagnosticSamples';
import { createRng } from '../fictionalIdentities';
import { hashInt, uuidOf } from './scaleSql';

/**
 * Orientations, reorientation requests, diagnostics and CAF codes of the scale territory, written
 * set-based by the database from the people and teams already seeded: one statement per kind of
 * row, deterministic pseudo-random choices from an md5 of (person id, purpose), as the timeline.
 * Diagnostic contents come from a pool of samples made (and checked) by the contract in JavaScript.
 */

// biome-ignore lint/suspicious/noExplicitAny: the seed writes several tables with the same helper
type AnyDb = Kysely<any>;

export interface OrientationSeedInput {
  territoryId: string;
  /** Reference day (UTC midnight) and the legal delays of the territory. */
  today: Date;
  /** The seed's current instant (rows are never dated after it). */
  now: Date;
  orientationDelayDays: number;
  contractSignatureDelayDays: number;
  seed: number;
}

const h = (from: number) => sql.raw(hashInt('h', from));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Shares per 1,000 people (bucket `b` of md5('orientation:' || id)):
 * [0, 40) waiting in the queue, [40, 55) closed without follow-up, [55, 100) never oriented,
 * [100, 115) decided and notified, no référent yet (« À affecter »), [115, 1000) référent designated.
 */
export const ORIENTATION_BUCKETS = { queue: 40, closed: 55, none: 100, toAssign: 115 } as const;

/** Share of the people with a référent designated whose orientation replaced an earlier one. */
const REPLACED_PERCENT = 11;

/** Path and lead kind of the organisation a person is followed by. */
const pathOf = (kind: string, hashExpr: string) => `case ${kind}
    when 'france_travail' then 'emploi' when 'mission_locale' then 'emploi'
    when 'cap_emploi' then case when ${hashExpr} % 10 < 7 then 'emploi' else 'socio_professionnel' end
    when 'departement' then 'social' when 'ccas_cias' then 'social'
    else 'socio_professionnel' end`;
const leadOf = (kind: string) => `case ${kind}
    when 'france_travail' then 'france_travail' when 'mission_locale' then 'mission_locale'
    when 'cap_emploi' then 'cap_emploi' else 'departement' end`;

/** One line per person with their active référent and its organisation's kind. */
const referents = (territoryId: string) => sql`
  select p.id as person_id, p.birth_date, p.created_at as person_created, f.account_id, f.organisation_id,
    f.started_at, o.kind, md5('orientation:' || p.id::text) as h
  from persons p
  join follow_ups f on f.territory_id = p.territory_id and f.person_id = p.id
    and f.role = 'referent' and f.status = 'active'
  join organisations o on o.territory_id = f.territory_id and o.id = f.organisation_id
  where p.territory_id = ${territoryId}::uuid and p.merged_into_id is null`;

export async function insertOrientations(db: AnyDb, input: OrientationSeedInput): Promise<void> {
  const { territoryId } = input;
  const today = isoDay(input.today);
  const b = `(${hashInt('h', 1)} % 1000)`;
  const B = ORIENTATION_BUCKETS;
  const managers = await sql<{ id: string }>`
    select distinct m.account_id as id from memberships m
    where m.territory_id = ${territoryId}::uuid and m.role = 'orientation_manager' and m.ended_at is null
    order by 1`.execute(db);
  const managerIds = managers.rows.map((m) => m.id);
  if (managerIds.length === 0)
    throw new Error('Aucun compte de la cellule d’orientation dans le territoire.');
  const managerOf = (column: string) =>
    sql.raw(
      `(array[${managerIds.map((id) => `'${id}'::uuid`).join(', ')}])[1 + ${hashInt(column, 21)} % ${managerIds.length}]`,
    );

  // --- Replaced orientations first (about 10 % of the oriented): another organisation, earlier ---
  await sql`
    with r as materialized (${referents(territoryId)}),
    c as (
      select account_id, organisation_id, kind, (row_number() over (order by account_id, organisation_id) - 1)::int as i
      from (select distinct f.account_id, f.organisation_id, o.kind from follow_ups f
        join organisations o on o.territory_id = f.territory_id and o.id = f.organisation_id
        where f.territory_id = ${territoryId}::uuid and f.role = 'referent' and f.status = 'active') x
    ),
    cur as materialized (
      select r.*, least(r.started_at::date, ${today}::date - 2) - (2 + ${h(9)} % 20) as day,
        ${h(5)} % (select count(*)::int from c) as pick
      from r where ${sql.raw(b)} >= ${B.toAssign} and ${h(25)} % 100 < ${REPLACED_PERCENT}
    ),
    prev as (
      select cur.person_id, cur.h, cur.day as replaced_day, c.account_id, c.organisation_id, c.kind,
        cur.day - (120 + ${sql.raw(hashInt('cur.h', 13))} % 480) as day
      from cur join c on c.i = cur.pick
    )
    insert into orientations (territory_id, id, person_id, status, source, information_received_on, deadline,
      path, lead_kind, organisation_id, decision_reason, decided_by_account_id, decided_at, notified_at,
      contract_deadline, referent_account_id, assigned_at, ended_at, end_reason, created_at, updated_at)
    select ${territoryId}::uuid, ${sql.raw(uuidOf("md5('orientation-previous:' || prev.person_id::text)"))},
      prev.person_id, 'remplacee', 'rsa',
      prev.day - (5 + ${sql.raw(hashInt('prev.h', 17))} % 50),
      prev.day - (5 + ${sql.raw(hashInt('prev.h', 17))} % 50) + ${input.orientationDelayDays}::int,
      ${sql.raw(pathOf('prev.kind', hashInt('prev.h', 3)))}, ${sql.raw(leadOf('prev.kind'))}, prev.organisation_id,
      'Orientation décidée en commission au vu de l’information RSA.',
      ${managerOf('prev.h')},
      prev.day + interval '11 hours', prev.day + interval '31 hours',
      prev.day + 1 + ${input.contractSignatureDelayDays}::int, prev.account_id, prev.day + interval '8 days 10 hours',
      prev.replaced_day + interval '11 hours', 'Remplacée par une réorientation acceptée.',
      prev.day - (4 + ${sql.raw(hashInt('prev.h', 17))} % 50) + interval '9 hours',
      prev.replaced_day + interval '11 hours'
    from prev`.execute(db);

  // --- The orientation in force, waiting, or closed ---
  await sql`
    with r as materialized (${referents(territoryId)}),
    x as materialized (
      select r.*, ${sql.raw(b)} as b,
        case when ${sql.raw(b)} < ${B.toAssign}
          then ${today}::date - (2 + ${h(9)} % 26)
          else least(r.started_at::date, ${today}::date - 2) - (2 + ${h(9)} % 20) end as day,
        ${today}::date - ${h(9)} % 64 as waiting_since,
        date_part('year', age(${today}::date, r.birth_date)) < 26 as young,
        -- The same draw as the replaced orientations above: those people have one.
        (${sql.raw(b)} >= ${B.toAssign} and ${h(25)} % 100 < ${REPLACED_PERCENT}) as replaced
      from r
    )
    insert into orientations (territory_id, id, person_id, status, source, information_received_on, deadline,
      deadline_past_at_creation, path, lead_kind, organisation_id, decision_reason, decided_by_account_id,
      decided_at, notified_at, contract_deadline, referent_account_id, assigned_at, previous_orientation_id,
      ended_at, end_reason, created_by_account_id, created_at, updated_at)
    select ${territoryId}::uuid, ${sql.raw(uuidOf('x.h'))}, x.person_id,
      case when x.b < ${B.queue} then 'a_orienter' when x.b < ${B.closed} then 'classee'
        when x.b < ${B.toAssign} then 'notifiee' else 'referent_designe' end,
      case when x.replaced then 'reorientation'
        when x.young then 'mission_locale'
        when ${sql.raw(hashInt('x.h', 17))} % 100 < 80 then 'rsa'
        when ${sql.raw(hashInt('x.h', 17))} % 100 < 92 then 'france_travail' else 'manual' end,
      case when x.replaced then null when x.b < ${B.queue} then x.waiting_since
        when x.b < ${B.closed} then x.day - 60 else x.day - (5 + ${sql.raw(hashInt('x.h', 17))} % 50) end,
      case when x.replaced then null when x.b < ${B.queue} then x.waiting_since + ${input.orientationDelayDays}::int
        when x.b < ${B.closed} then x.day - 60 + ${input.orientationDelayDays}::int
        else x.day - (5 + ${sql.raw(hashInt('x.h', 17))} % 50) + ${input.orientationDelayDays}::int end,
      false,
      case when x.b >= ${B.none} then ${sql.raw(pathOf('x.kind', hashInt('x.h', 3)))} end,
      case when x.b >= ${B.none} then ${sql.raw(leadOf('x.kind'))} end,
      case when x.b >= ${B.none} then x.organisation_id end,
      case when x.b >= ${B.none} then case when x.replaced
        then 'Réorientation acceptée à la demande du ou de la référent·e.'
        else 'Orientation décidée au vu de l’information RSA et du premier entretien.' end end,
      case when x.b >= ${B.none} then ${managerOf('x.h')} end,
      case when x.b >= ${B.none} then x.day + interval '11 hours' end,
      case when x.b >= ${B.none} then x.day + interval '31 hours' end,
      case when x.b >= ${B.none} then x.day + 1 + ${input.contractSignatureDelayDays}::int end,
      case when x.b >= ${B.toAssign} then x.account_id end,
      case when x.b >= ${B.toAssign} then greatest(x.started_at, x.day + interval '2 days 10 hours') end,
      case when x.replaced then ${sql.raw(uuidOf("md5('orientation-previous:' || x.person_id::text)"))} end,
      case when x.b >= ${B.queue} and x.b < ${B.closed} then x.day - 20 + interval '15 hours' end,
      case when x.b >= ${B.queue} and x.b < ${B.closed} then (array['Droit RSA clos avant l’orientation',
        'Déménagement hors du département', 'Personne non soumise aux droits et devoirs'])[1 + ${sql.raw(hashInt('x.h', 13))} % 3] end,
      null,
      case when x.b < ${B.queue} then least(x.waiting_since + interval '8 hours', ${input.now.toISOString()}::timestamptz)
        when x.b < ${B.closed} then x.day - 59 + interval '9 hours'
        when x.replaced then x.day + interval '11 hours'
        else x.day - (4 + ${sql.raw(hashInt('x.h', 17))} % 50) + interval '9 hours' end,
      case when x.b < ${B.queue} then least(x.waiting_since + interval '8 hours', ${input.now.toISOString()}::timestamptz)
        when x.b < ${B.closed} then x.day - 20 + interval '15 hours'
        when x.b < ${B.toAssign} then x.day + interval '31 hours'
        else greatest(x.started_at, x.day + interval '2 days 10 hours') end
    from x
    where x.b < ${B.closed} or x.b >= ${B.none}`.execute(db);
}

/**
 * About 2,000 requests at 100,000 people: the accepted ones behind the replacements of the last
 * two years (about a third of them), a few hundred refused, a few hundred waiting.
 */
export async function insertReorientationRequests(db: AnyDb, input: OrientationSeedInput): Promise<void> {
  const { territoryId } = input;
  const today = isoDay(input.today);
  const managers = await sql<{ id: string }>`
    select distinct m.account_id as id from memberships m
    where m.territory_id = ${territoryId}::uuid and m.role = 'orientation_manager' and m.ended_at is null
    order by 1`.execute(db);
  const answeredBy = sql.raw(
    `(array[${managers.rows.map((m) => `'${m.id}'::uuid`).join(', ')}])[1 + ${hashInt('h', 21)} % ${managers.rows.length}]`,
  );
  // Accepted: the previous orientation's référent asked, the manager decided the new one.
  await sql`
    insert into reorientation_requests (territory_id, id, orientation_id, person_id, status, reason, proposed_path,
      proposed_lead_kind, proposed_organisation_id, requested_by_account_id, requested_by_organisation_id,
      requested_at, answered_by_account_id, answered_at, answer_reason, new_orientation_id)
    select ${territoryId}::uuid, ${sql.raw(uuidOf("md5('reorientation:' || n.id::text)"))}, p.id, p.person_id,
      'acceptee', (array[
        'Freins de logement apparus depuis l’orientation : un accompagnement global est nécessaire.',
        'Projet professionnel confirmé : la personne est prête pour un accompagnement vers l’emploi.',
        'Problèmes de santé récents : la recherche d’emploi est suspendue pour quelques mois.',
        'Déménagement dans une autre commune du département.'])[1 + ${h(13)} % 4],
      n.path, n.lead_kind, n.organisation_id, p.referent_account_id, p.organisation_id,
      n.decided_at - (3 + ${h(17)} % 37) * interval '1 day' - interval '3 hours',
      ${answeredBy}, n.decided_at, n.decision_reason, n.id
    from orientations n
    join orientations p on p.territory_id = n.territory_id and p.id = n.previous_orientation_id
    cross join lateral (select md5('reorientation:' || n.id::text) as h) k
    where n.territory_id = ${territoryId}::uuid and n.previous_orientation_id is not null
      and n.decided_at >= ${today}::date - 730 and ${h(25)} % 100 < 16`.execute(db);
  // Refused and waiting: asked by the current référent about the orientation in force.
  await sql`
    insert into reorientation_requests (territory_id, id, orientation_id, person_id, status, reason, proposed_path,
      proposed_lead_kind, proposed_organisation_id, requested_by_account_id, requested_by_organisation_id,
      requested_at, answered_by_account_id, answered_at, answer_reason)
    select ${territoryId}::uuid, ${sql.raw(uuidOf('h'))}, o.id, o.person_id,
      case when ${h(25)} % 10000 < 35 then 'refusee' else 'demandee' end,
      (array[
        'Situation de logement très dégradée : un accompagnement social est nécessaire avant l’emploi.',
        'La personne a retrouvé une stabilité : elle souhaite un accompagnement vers l’emploi.',
        'Garde d’enfants impossible à organiser à court terme.',
        'Reconnaissance de travailleur handicapé obtenue : Cap emploi serait plus adapté.'])[1 + ${h(13)} % 4],
      case o.path when 'emploi' then 'socio_professionnel' when 'social' then 'socio_professionnel' else
        case when ${h(5)} % 2 = 0 then 'social' else 'emploi' end end,
      null, null, o.referent_account_id, o.organisation_id,
      case when ${h(25)} % 10000 < 35
        then least(o.assigned_at + (20 + ${h(9)} % 200) * interval '1 day', ${today}::date - 10 + interval '14 hours')
        else ${today}::date - (1 + ${h(9)} % 30) + interval '15 hours' end,
      case when ${h(25)} % 10000 < 35 then ${answeredBy} end,
      case when ${h(25)} % 10000 < 35
        then least(o.assigned_at + (20 + ${h(9)} % 200) * interval '1 day', ${today}::date - 10 + interval '14 hours') + interval '5 days' end,
      case when ${h(25)} % 10000 < 35 then
        'L’orientation actuelle reste adaptée : un point sera fait au prochain réexamen.' end
    from orientations o
    cross join lateral (select md5('reorientation-current:' || o.id::text) as h) k
    where o.territory_id = ${territoryId}::uuid and o.status = 'referent_designe' and o.previous_orientation_id is null
      and ${h(25)} % 10000 < 85 and o.assigned_at < ${today}::date - 15`.execute(db);
}

/** A pool of diagnostic samples, valid against the contract, grouped by recommended path. */
export function diagnosticPool(seed: number, today: Date, size = 1800) {
  const rng = createRng(seed ^ 0xd1a9);
  const codes = loadSituationCodes();
  const rows: {
    path: Path;
    content: unknown;
    recommendation: unknown;
    job: number | null;
  }[] = [];
  for (let i = 0; i < size; i++) {
    const archetype = paths[i % paths.length] as Path;
    const s = sampleDiagnostic(rng, { archetype, on: today, situationCodes: codes, notes: 0.25 });
    // Dates are moved to each diagnostic's own day by SQL; the availability date is left out.
    const content = {
      ...s.content,
      situation: { ...s.content.situation, availableFrom: null, lastJobEndedOn: null },
    };
    rows.push({
      path: s.recommendation.path,
      content,
      recommendation: s.recommendation,
      job: s.lastJobDaysBefore,
    });
  }
  rows.sort((a, b) => paths.indexOf(a.path) - paths.indexOf(b.path));
  return rows.map((r, g) => ({ g, ...r }));
}

/**
 * About 60 % of people have 1–3 completed versions over the two years (the référent as author,
 * jointly with a co-référent of the other field now and then), 1 % a draft in progress.
 */
export async function insertDiagnostics(db: AnyDb, input: OrientationSeedInput): Promise<void> {
  const { territoryId } = input;
  const today = isoDay(input.today);
  const pool = diagnosticPool(input.seed, input.today);
  await sql`create temporary table scale_diagnostic_pool (g int primary key, path text, content jsonb,
    recommendation jsonb, job int) on commit drop`.execute(db);
  await sql`insert into scale_diagnostic_pool
    select * from json_to_recordset(${JSON.stringify(pool)}::json)
      as x(g int, path text, content jsonb, recommendation jsonb, job int)`.execute(db);
  const reasons = sql.raw(`array[${choiceReasons.map((r) => `'${r.replace(/'/g, "''")}'`).join(', ')}]`);
  await sql`
    with sizes as (
      select path, min(g) as first, count(*)::int as n, (select count(*)::int from scale_diagnostic_pool) as total
      from scale_diagnostic_pool group by path
    ),
    people as materialized (
      select p.id as person_id, f.account_id, f.organisation_id, o.kind,
        coalesce(cur.path, ${sql.raw(pathOf('o.kind', hashInt("md5('diagnostic:' || p.id::text)", 3)))}) as target,
        greatest(p.created_at::date, ${today}::date - 730) as since,
        md5('diagnostic:' || p.id::text) as h
      from persons p
      join follow_ups f on f.territory_id = p.territory_id and f.person_id = p.id
        and f.role = 'referent' and f.status = 'active'
      join organisations o on o.territory_id = f.territory_id and o.id = f.organisation_id
      left join orientations cur on cur.territory_id = p.territory_id and cur.person_id = p.id
        and cur.status in ('decidee', 'notifiee', 'referent_designe')
      where p.territory_id = ${territoryId}::uuid and p.merged_into_id is null
    ),
    versions as materialized (
      select pe.*, n, case when ${sql.raw(hashInt('pe.h', 9))} % 100 < 55 then 1
        when ${sql.raw(hashInt('pe.h', 9))} % 100 < 85 then 2 else 3 end as k,
        md5('diagnostic:' || pe.person_id::text || ':' || n) as v
      from people pe
      cross join generate_series(1, 3) as n
      where ${sql.raw(hashInt('pe.h', 1))} % 100 < 60
    ),
    picked as (
      select v.*, greatest(${today}::date - v.since, 1) as span,
        case when ${sql.raw(hashInt('v.v', 1))} % 100 < 85 then s.first + ${sql.raw(hashInt('v.v', 9))} % s.n
          else ${sql.raw(hashInt('v.v', 9))} % s.total end as gi
      from versions v join sizes s on s.path = v.target
      where v.n <= v.k
    ),
    dated as (
      select pk.*, pk.since + least(pk.span - 1,
        (pk.span * (pk.n - 1)) / pk.k + (pk.span * (10 + ${sql.raw(hashInt('pk.v', 17))} % 80)) / (100 * pk.k)) as day
      from picked pk
    )
    insert into diagnostics (territory_id, id, person_id, version, status, content, recommended_path, recommendation,
      chosen_path, chosen_path_reason, contributions, referential_version, revision, created_by_account_id,
      created_by_organisation_id, completed_by_account_id, created_at, updated_at, completed_at)
    select ${territoryId}::uuid, ${sql.raw(uuidOf('d.v'))}, d.person_id, d.n, 'completed',
      case when pool.job is null then pool.content
        else jsonb_set(pool.content, '{situation,lastJobEndedOn}', to_jsonb(to_char(d.day - pool.job, 'YYYY-MM-DD'))) end,
      pool.path, pool.recommendation,
      case when pool.path <> d.target and ${sql.raw(hashInt('d.v', 25))} % 100 < 60 then d.target end,
      case when pool.path <> d.target and ${sql.raw(hashInt('d.v', 25))} % 100 < 60
        then (${reasons})[1 + ${sql.raw(hashInt('d.v', 21))} % ${choiceReasons.length}] end,
      '{}'::jsonb, 0, 2 + ${sql.raw(hashInt('d.v', 5))} % 6, d.account_id, d.organisation_id, d.account_id,
      d.day - ${sql.raw(hashInt('d.v', 13))} % 10 + interval '9 hours',
      d.day + (9 * 3600 + ${sql.raw(hashInt('d.v', 13))} % 28000) * interval '1 second',
      d.day + (9 * 3600 + ${sql.raw(hashInt('d.v', 13))} % 28000) * interval '1 second'
    from dated d join scale_diagnostic_pool pool on pool.g = d.gi`.execute(db);

  // Authors: the référent (their field from their organisation), and a co-référent of the other field.
  const fieldOf = (kind: string) =>
    `case when ${kind} in ('departement', 'ccas_cias') then 'social' else 'employment' end`;
  await sql`
    insert into diagnostic_authors (territory_id, diagnostic_id, account_id, organisation_id, field, confirmed_at)
    select d.territory_id, d.id, d.completed_by_account_id, d.created_by_organisation_id, ${sql.raw(fieldOf('o.kind'))},
      d.completed_at
    from diagnostics d
    join organisations o on o.territory_id = d.territory_id and o.id = d.created_by_organisation_id
    where d.territory_id = ${territoryId}::uuid and d.status = 'completed'`.execute(db);
  await sql`
    insert into diagnostic_authors (territory_id, diagnostic_id, account_id, organisation_id, field, confirmed_at)
    select distinct on (d.id) d.territory_id, d.id, f.account_id, f.organisation_id, ${sql.raw(fieldOf('o.kind'))},
      d.completed_at + interval '1 day'
    from diagnostics d
    join organisations ro on ro.territory_id = d.territory_id and ro.id = d.created_by_organisation_id
    join follow_ups f on f.territory_id = d.territory_id and f.person_id = d.person_id
      and f.role = 'co_referent' and f.status = 'active' and f.account_id is not null
    join organisations o on o.territory_id = f.territory_id and o.id = f.organisation_id
    where d.territory_id = ${territoryId}::uuid and d.status = 'completed'
      and ${sql.raw(fieldOf('o.kind'))} <> ${sql.raw(fieldOf('ro.kind'))}
      and d.completed_at + interval '1 day' < ${today}::date
      and ${sql.raw(hashInt("md5('joint:' || d.id::text)", 1))} % 100 < 70
    order by d.id, f.account_id`.execute(db);

  // Drafts in progress (1 % of people with a diagnostic), started from their latest version.
  await sql`
    insert into diagnostics (territory_id, id, person_id, version, status, content, recommended_path, recommendation,
      contributions, referential_version, revision, created_by_account_id, created_by_organisation_id,
      created_at, updated_at)
    select d.territory_id, ${sql.raw(uuidOf("md5('draft:' || d.person_id::text)"))}, d.person_id, null, 'draft',
      d.content, d.recommended_path, d.recommendation, '{}'::jsonb, 0,
      1 + ${sql.raw(hashInt("md5('draft:' || d.person_id::text)", 9))} % 3, d.created_by_account_id,
      d.created_by_organisation_id,
      ${today}::date - ${sql.raw(hashInt("md5('draft:' || d.person_id::text)", 5))} % 20 + interval '10 hours',
      ${today}::date - ${sql.raw(hashInt("md5('draft:' || d.person_id::text)", 5))} % 20 + interval '11 hours'
    from (select distinct on (person_id) * from diagnostics
      where territory_id = ${territoryId}::uuid and status = 'completed' order by person_id, version desc) d
    where ${sql.raw(hashInt("md5('draft:' || d.person_id::text)", 1))} % 100 < 2
      and d.completed_at < ${today}::date - 20`.execute(db);

  // The queue shows the path the latest diagnostic recommends.
  await sql`
    update orientations o set recommended_path = d.recommended_path
    from (select distinct on (person_id) person_id, recommended_path from diagnostics
      where territory_id = ${territoryId}::uuid and status = 'completed' order by person_id, version desc) d
    where o.territory_id = ${territoryId}::uuid and o.person_id = d.person_id and o.status in ('a_orienter', 'proposee')`.execute(
    db,
  );
}

/** CAF socio-professional codes (DIFSOC, DIFLOG, DIFDISP, NATMOB) for about 30 % of people. */
// biome-ignore format: a dense reference list reads better than one entry per line
const cafValues: Record<string, readonly string[]> = {
  DIFSOC: ['0401', '0401', '0403', '0405', '0405', '0406', '0406', '0407'],
  DIFLOG: ['1001', '1001', '1002', '1002', '1003', '1004', '1006', '1008', '1009'],
  DIFDISP: ['0501', '0501', '0502', '0502', '0503', '0504', '0505'],
  NATMOB: ['2501', '2501', '2502', '2502', '2503'],
};

export async function insertCafCodes(db: AnyDb, input: OrientationSeedInput): Promise<void> {
  const codes = Object.keys(cafValues);
  const values = sql.raw(
    Object.entries(cafValues)
      .flatMap(([code, list]) => list.map((v, i) => `('${code}', ${i}, '${v}', ${list.length})`))
      .join(', '),
  );
  await sql`
    insert into person_caf_socio_pro (territory_id, id, person_id, code, value, received_on)
    select p.territory_id, ${sql.raw(uuidOf('g.c'))}, p.id, v.code, v.value, p.created_at::date
    from persons p
    cross join lateral (select md5('caf:' || p.id::text) as h) k
    cross join lateral (
      select n, md5('caf:' || p.id::text || ':' || n) as c,
        (array[${sql.raw(codes.map((c) => `'${c}'`).join(', '))}])[1 + (${h(9)} + n) % 4] as code
      from generate_series(1, 1 + ${h(5)} % 3) as n
    ) g
    join (values ${values}) as v(code, i, value, size) on v.code = g.code and v.i = ${sql.raw(hashInt('g.c', 1))} % v.size
    where p.territory_id = ${input.territoryId}::uuid and p.merged_into_id is null
      and (p.benefit_organism is not null or ${h(17)} % 100 < 10)
      and ${h(1)} % 100 < 34`.execute(db);
}

/**
 * Puts people without an open orientation back in the « À orienter » queue (new RSA information
 * received within the last 9 weeks) until it holds `target` orientations: the bulk-decision bench
 * decides 500 of them on every run.
 */
export async function refillOrientationQueue(
  db: AnyDb,
  input: Omit<OrientationSeedInput, 'contractSignatureDelayDays' | 'seed'>,
  target: number,
): Promise<number> {
  const today = isoDay(input.today);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from orientations
    where territory_id = ${input.territoryId}::uuid and status in ('a_orienter', 'proposee')`.execute(db);
  const missing = target - Number(rows[0]?.n ?? 0);
  if (missing <= 0) return 0;
  const added = await sql`
    insert into orientations (territory_id, id, person_id, status, source, information_received_on, deadline,
      created_at, updated_at)
    select p.territory_id, gen_random_uuid(), p.id, 'a_orienter', 'rsa', ${today}::date - ${h(9)} % 64,
      ${today}::date - ${h(9)} % 64 + ${input.orientationDelayDays}::int,
      ${input.now.toISOString()}::timestamptz, ${input.now.toISOString()}::timestamptz
    from persons p
    cross join lateral (select md5('refill:' || p.id::text) as h) k
    where p.territory_id = ${input.territoryId}::uuid and p.merged_into_id is null
      and not exists (select 1 from orientations o where o.territory_id = p.territory_id and o.person_id = p.id
        and o.status in ('a_orienter', 'proposee', 'decidee', 'notifiee', 'referent_designe'))
    order by k.h
    limit ${missing}`.execute(db);
  return Number(added.numAffectedRows ?? 0);
}
