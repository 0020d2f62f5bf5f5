import { type Kysely, sql } from 'kysely';
import { loadActionPlanList } from '../demoContracts';
import { hashInt, uuidOf } from './scaleSql';

/**
 * Engagement contracts of the scale territory and two years of weekly hours, written set-based
 * by the database from the orientations already seeded (deterministic draws from an md5 of the
 * person or contract id, as the orientations):
 * - about 55 % of the people with a référent designated have a contract: mostly `actif`, some
 *   `brouillon`, `propose`, `en_revision`, `termine`; a third of the oldest are renewed chains
 *   (`renouvele` → current); about 5 % only an older CER or PPAE still running;
 * - 2–4 objectives and 3–8 actions per contract, codes of the shipped `action_plan` list;
 * - hours for about 85 % of the signed contracts: one row per running action on about 88 % of
 *   the weeks (70–150 % of the planned hours, so about one week in three falls short), over at
 *   most 104 weeks, never in the future, never over 60 h, weeks on Mondays;
 * - adjustments (reduction or waiver with a legal ground) for about 8 % of signed contracts,
 *   the signed versions (snapshot, no PDF), and signature links for about 60 % of the proposals.
 * The bench counsellor (Thomas Girard) gets more contracts, more proposals and hours on all of
 * his signed contracts, so the benches find enough of them.
 */

// biome-ignore lint/suspicious/noExplicitAny: the seed writes several tables with the same helper
type AnyDb = Kysely<any>;

export interface ContractSeedInput {
  territoryId: string;
  /** Reference day (UTC midnight) and the seed's current instant. */
  today: Date;
  now: Date;
  benchAccountId: string | null;
  weeklyActivityHours: number;
  contractReviewMonths: number;
  socialPathReviewMonths: number;
  socialPathReviewExtendedMonths: number;
  signatureLinkDays: number;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const H = (column: string, from: number) => sql.raw(hashInt(column, from));
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** Number of batches of the weekly hours insert (keeps each statement's memory small on PGlite). */
const HOURS_BATCHES = 8;

/** A step coprime with n, about n/3: consecutive picks of a contract's objectives spread over the list. */
function coprimeStep(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  for (let s = Math.max(1, Math.floor(n / 3)); s < n + 1; s++) if (gcd(s, n) === 1) return s;
  return 1;
}

function referenceLists() {
  const list = loadActionPlanList();
  if (list.objectives.length === 0 || list.actions.length === 0)
    throw new Error(
      'Liste des objectifs et actions introuvable (server/data/referentials/action_plan.json).',
    );
  const objectives = sql.raw(
    list.objectives
      .map((o, i) => `(${i}, ${quote(o.code)}, ${quote(o.label)}, ${quote(o.theme)})`)
      .join(', '),
  );
  // One line per (theme, action): the actions that answer an objective's theme.
  const byTheme = new Map<string, { code: string; label: string; hours: number }[]>();
  for (const a of list.actions)
    for (const t of a.themes)
      byTheme.set(t, [
        ...(byTheme.get(t) ?? []),
        { code: a.code, label: a.label, hours: a.defaultWeeklyHours },
      ]);
  const actions = sql.raw(
    [...byTheme.entries()]
      .flatMap(([theme, items]) =>
        items.map(
          (a, k) =>
            `(${quote(theme)}, ${k}, ${items.length}, ${quote(a.code)}, ${quote(a.label)}, ${Number(a.hours) || 0})`,
        ),
      )
      .join(', '),
  );
  return { objectives, objectiveCount: list.objectives.length, actions };
}

/** Contracts (with the renewed predecessors first: the current one points to them). */
export async function insertContracts(db: AnyDb, input: ContractSeedInput): Promise<void> {
  const { territoryId } = input;
  const T = isoDay(input.today);
  const bench = input.benchAccountId ?? '00000000-0000-4000-8000-000000000000';
  await sql`
    create temporary table scale_contract_plan on commit drop as
    with cur as (
      select o.person_id, o.id as orientation_id, o.path, o.organisation_id, o.referent_account_id as acc,
        o.notified_at::date as notified, md5('contract:' || o.person_id::text) as h,
        o.referent_account_id = ${bench}::uuid as bench
      from orientations o
      where o.territory_id = ${territoryId}::uuid and o.status = 'referent_designe' and o.notified_at is not null
    ),
    x as (
      select cur.*, ${H('h', 9)} % 100 as s,
        greatest(cur.notified + 5 + ${H('h', 17)} % 25, ${T}::date - 730 + ${H('h', 17)} % 60) as base
      from cur
      where ${H('h', 1)} % 100 < case when cur.bench then 90 else 55 end
    ),
    y as (
      select x.*, case
        when x.bench then case when s < 3 then 'legacy' when s < 10 then 'brouillon' when s < 45 then 'propose'
          when s < 52 then 'en_revision' when s < 55 then 'termine' else 'actif' end
        else case when s < 5 then 'legacy' when s < 12 then 'brouillon' when s < 20 then 'propose'
          when s < 26 then 'en_revision' when s < 31 then 'termine' else 'actif' end end as drawn
      from x
    ),
    z as (
      select y.*, case
        -- Notified too recently to have signed: the contract is still being written.
        when drawn in ('actif', 'en_revision', 'termine') and base > ${T}::date - 21 then 'brouillon'
        when drawn = 'termine' and base > ${T}::date - 90 then 'actif'
        else drawn end as st
      from y
    ),
    d as (
      select z.*,
        (z.st in ('actif', 'en_revision') and z.base <= ${T}::date - 400 and ${H('h', 25)} % 100 < 33) as chained,
        case
          when z.st = 'legacy' then ${T}::date - 30 - ${H('h', 13)} % 300
          when z.st in ('brouillon', 'propose') then ${T}::date + 3 + ${H('h', 13)} % 20
          when z.st in ('actif', 'en_revision') and z.base <= ${T}::date - 400 and ${H('h', 25)} % 100 < 33
            then z.base + 365
          else z.base end as start_on
      from z
    )
    select d.*,
      ${sql.raw(uuidOf('d.h'))} as id,
      case when d.chained then ${sql.raw(uuidOf("md5('contract-previous:' || d.person_id::text)"))} end as previous_id,
      (d.start_on + (case when d.st not in ('brouillon', 'propose', 'legacy') and d.start_on + 365 <= ${T}::date + 14
        then 24 else 12 end) * interval '1 month')::date - 1 as end_on,
      case when d.st = 'termine' then d.start_on + 30 + ${H('h', 21)} % greatest(1, ${T}::date - d.start_on - 40) end
        as ended_day,
      case when d.st in ('brouillon', 'propose') then ${T}::date - ${H('h', 13)} % 20 - 1
        else d.start_on - 5 - ${H('h', 3)} % 10 end as created_day,
      -- Review: every 6 months (social path: its own delay, longer when extended).
      case when d.path = 'social' and ${H('h', 29)} % 100 < 10 then ${input.socialPathReviewExtendedMonths}::int
        when d.path = 'social' then ${input.socialPathReviewMonths}::int
        else ${input.contractReviewMonths}::int end as review_months,
      case when d.path = 'social' and ${H('h', 29)} % 100 < 10 then
        (array['sante', 'logement', 'famille', 'handicap'])[1 + ${H('h', 29)} % 4] end as extension_reason,
      (date_part('year', age(${T}::date, d.start_on)) * 12 + date_part('month', age(${T}::date, d.start_on)))::int
        as months_running
    from d`.execute(db);

  // Renewed predecessors: a first year, renewed into the current contract.
  await sql`
    insert into engagement_contracts (territory_id, id, person_id, kind, status, version, orientation_id, path,
      organisation_id, referent_account_id, start_on, end_on, weekly_target_hours, organisation_commitments,
      signed_at, activated_at, ended_at, next_contract_id, revision, created_by_account_id, created_at, updated_at)
    select ${territoryId}::uuid, p.previous_id, p.person_id, 'engagement', 'renouvele', 1, p.orientation_id, p.path,
      p.organisation_id, p.acc, p.base, (p.base + interval '12 months')::date - 1, ${input.weeklyActivityHours},
      '["Un rendez-vous avec votre référent·e chaque mois."]'::jsonb,
      p.base + interval '10 hours', p.base + interval '10 hours', p.start_on - 2 + interval '15 hours', p.id, 4, p.acc,
      p.base - 7 + interval '9 hours', p.start_on - 2 + interval '15 hours'
    from scale_contract_plan p where p.chained`.execute(db);

  await sql`
    insert into engagement_contracts (territory_id, id, person_id, kind, status, version, orientation_id, path,
      organisation_id, organisation_name, referent_account_id, start_on, end_on, weekly_target_hours,
      organisation_commitments, next_appointment, review_extension_reason, note, review_due_on, signed_at,
      activated_at, plan_changed, end_reason, end_note, ended_at, previous_contract_id, revision,
      created_by_account_id, created_at, updated_at)
    select ${territoryId}::uuid, p.id, p.person_id,
      case when p.st <> 'legacy' then 'engagement' when p.path = 'emploi' then 'ppae' else 'cer' end,
      case when p.st = 'legacy' then 'actif' else p.st end,
      case when p.st in ('legacy', 'brouillon', 'propose') then 0
        when p.st = 'actif' and p.months_running >= 2 and ${H('p.h', 5)} % 10 = 0 then 2
        when p.st = 'en_revision' and ${H('p.h', 5)} % 3 = 0 then 2 else 1 end,
      case when p.st <> 'legacy' then p.orientation_id end,
      case when p.st <> 'legacy' then p.path end,
      p.organisation_id, null, p.acc, p.start_on, p.end_on, ${input.weeklyActivityHours},
      case when p.st = 'legacy' then '[]'::jsonb else
        '["Un rendez-vous avec votre référent·e chaque mois.", "Une aide pour lever les freins repérés au diagnostic."]'::jsonb end,
      case when p.st in ('actif', 'propose', 'en_revision') then jsonb_build_object(
        'at', to_char((${T}::date + 3 + ${H('p.h', 21)} % 25) + interval '8 hours', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'place', 'Dans les locaux de la structure') end,
      p.extension_reason,
      case when p.st = 'legacy' then 'Ancien contrat signé sur papier, repris pour l’historique.' end,
      case when p.st = 'actif' then (p.start_on + (
          case when ${H('p.h', 11)} % 100 < 10 and p.months_running >= p.review_months
            then p.months_running / p.review_months
            else p.months_running / p.review_months + 1 end * p.review_months) * interval '1 month')::date
        when p.st = 'en_revision' then (p.start_on + (greatest(1, p.months_running / p.review_months)
          * p.review_months) * interval '1 month')::date end,
      case when p.st in ('actif', 'en_revision', 'termine') then p.start_on + interval '10 hours' end,
      case when p.st in ('actif', 'en_revision', 'termine') then p.start_on + interval '10 hours' end,
      p.st = 'en_revision' and ${H('p.h', 5)} % 2 = 0,
      case when p.st = 'termine' then (array['emploi_durable', 'emploi_durable', 'formation_qualifiante', 'fin_droits',
        'demenagement', 'abandon', 'reorientation', 'creation_entreprise'])[1 + ${H('p.h', 13)} % 8] end,
      null,
      case when p.st = 'termine' then p.ended_day + interval '15 hours' end,
      p.previous_id,
      2 + ${H('p.h', 3)} % 6, p.acc,
      p.created_day + interval '9 hours',
      case when p.st = 'termine' then p.ended_day + interval '15 hours'
        when p.st = 'en_revision' then ${T}::date - 1 - ${H('p.h', 21)} % 30 + interval '11 hours'
        when p.st in ('actif') then p.start_on + interval '10 hours'
        else p.created_day + interval '10 hours' end
    from scale_contract_plan p`.execute(db);
}

/** Objectives and actions of every engagement contract (none for the older contracts). */
export async function insertPlans(db: AnyDb, input: ContractSeedInput): Promise<void> {
  const { territoryId } = input;
  const T = isoDay(input.today);
  const lists = referenceLists();
  const step = coprimeStep(lists.objectiveCount);
  await sql`
    insert into contract_objectives (territory_id, id, contract_id, person_id, position, code, label, theme, need,
      status, created_at, updated_at)
    select c.territory_id, ${sql.raw(uuidOf('g.g'))}, c.id, c.person_id, g.n - 1, r.code, r.label, r.theme, null,
      case when c.status in ('renouvele', 'termine') then
          case when ${H('g.g', 1)} % 100 < 70 then 'atteint' else 'abandonne' end
        when c.status in ('actif', 'en_revision') and ${H('g.g', 1)} % 100 < 15 then 'atteint'
        else 'en_cours' end,
      c.created_at, c.updated_at
    from engagement_contracts c
    cross join lateral (select md5('objective:' || c.id::text) as h) k
    cross join lateral (select n, md5('objective:' || c.id::text || ':' || n) as g
      from generate_series(1, 2 + ${H('k.h', 5)} % 3) as n) g
    join (values ${lists.objectives}) as r(i, code, label, theme)
      on r.i = (${H('k.h', 1)} + g.n * ${step}) % ${lists.objectiveCount}
    where c.territory_id = ${territoryId}::uuid and c.kind = 'engagement'`.execute(db);

  await sql`
    insert into contract_actions (territory_id, id, contract_id, objective_id, person_id, position, code, label,
      responsible_organisation_id, planned_start, planned_end, planned_weekly_hours, status, status_reason,
      created_at, updated_at)
    select x.territory_id, ${sql.raw(uuidOf('x.g'))}, x.contract_id, x.objective_id, x.person_id, x.j / x.n_obj,
      x.code, x.label, x.organisation_id, x.ps, x.pe, x.hours,
      case when x.status in ('brouillon', 'propose') or x.ps > ${T}::date then 'prevue'
        when x.pe >= ${T}::date then 'en_cours'
        when ${H('x.g', 9)} % 100 < 80 then 'realisee'
        when ${H('x.g', 9)} % 100 < 90 then 'abandonnee_personne' else 'annulee_structure' end,
      case when x.status in ('brouillon', 'propose') or x.pe >= ${T}::date or ${H('x.g', 9)} % 100 < 80 then null
        when ${H('x.g', 9)} % 100 < 90 then 'La personne a repris un emploi entre-temps.'
        else 'Session annulée par l’organisme, faute de participants.' end,
      x.created_at, x.updated_at
    from (
      select c.territory_id, c.id as contract_id, c.person_id, c.organisation_id, c.status, c.created_at, c.updated_at,
        o.id as objective_id, j.j, k.n_obj, a.code, a.label, md5('action:' || c.id::text || ':' || j.j) as g,
        least(greatest(a.hours, 2), 8) as hours,
        c.start_on + (j.j * k.span) / k.n_act as ps,
        least(c.start_on + (j.j * k.span) / k.n_act + greatest(14, (3 * k.span) / k.n_act), k.last_day) as pe
      from engagement_contracts c
      cross join lateral (
        select md5('action:' || c.id::text) as h,
          2 + ${H("md5('objective:' || c.id::text)", 5)} % 3 as n_obj,
          3 + ${H("md5('action:' || c.id::text)", 13)} % 6 as n_act,
          coalesce(c.ended_at::date, c.end_on) as last_day,
          greatest(28, coalesce(c.ended_at::date, c.end_on) - c.start_on) as span
      ) k
      cross join lateral generate_series(0, k.n_act - 1) as j(j)
      join contract_objectives o on o.territory_id = c.territory_id and o.contract_id = c.id
        and o.position = j.j % k.n_obj
      join (values ${lists.actions}) as a(theme, k, size, code, label, hours)
        on a.theme = o.theme and a.k = ${H("md5('action:' || c.id::text || ':' || j.j)", 1)} % a.size
      where c.territory_id = ${territoryId}::uuid and c.kind = 'engagement'
    ) x`.execute(db);
}

/** The weekly hours indexes, dropped around the bulk insert and rebuilt identically (see the migrations). */
export const dropHoursIndex = async (db: AnyDb) => {
  await sql`drop index if exists weekly_hours_person`.execute(db);
  await sql`drop index if exists weekly_hours_week`.execute(db);
};
export const createHoursIndex = async (db: AnyDb) => {
  await sql`create index if not exists weekly_hours_person on weekly_hours (territory_id, person_id, week_start) include (hours, source)`.execute(
    db,
  );
  await sql`create index if not exists weekly_hours_week on weekly_hours (territory_id, week_start) include (person_id, hours)`.execute(
    db,
  );
};

/** Hours carried out, one batch of contracts (by hash) per call: `batch` in [0, HOURS_BATCHES). */
export async function insertWeeklyHours(db: AnyDb, input: ContractSeedInput, batch: number): Promise<void> {
  const { territoryId } = input;
  const today = input.today;
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000);
  const M = isoDay(monday);
  const bench = input.benchAccountId ?? '00000000-0000-4000-8000-000000000000';
  await sql`
    insert into weekly_hours (territory_id, action_id, week_start, person_id, contract_id, hours, source,
      recorded_by_account_id, recorded_at)
    select w.territory_id, w.action_id, w.week, w.person_id, w.contract_id,
      least(60, round(w.planned * (0.7 + ((w.s + w.i * 53) % 9) * 0.1) * 4) / 4),
      case when (w.s + w.i * 11) % 100 < 15 then 'person' when (w.s + w.i * 11) % 100 < 40 then 'organisation'
        else 'referent' end,
      case when (w.s + w.i * 11) % 100 < 15 then null else w.acc end,
      least(w.week + interval '4 days 15 hours', ${input.now.toISOString()}::timestamptz)
    from (
      select a.territory_id, a.id as action_id, a.person_id, a.contract_id, a.planned_weekly_hours as planned,
        c.referent_account_id as acc, k.s, gs::date as week, ((gs::date - date '2000-01-03') / 7)::int as i
      from engagement_contracts c
      join contract_actions a on a.territory_id = c.territory_id and a.contract_id = c.id
      cross join lateral (select ${H("md5('hours:' || a.id::text)", 1)} % 100000 as s) k
      cross join lateral generate_series(
        greatest(date_trunc('week', (a.planned_start + 6)::timestamp), date_trunc('week', (c.start_on + 6)::timestamp),
          (${M}::date - 103 * 7)::timestamp),
        least(date_trunc('week', a.planned_end::timestamp),
          date_trunc('week', coalesce(c.ended_at::date, c.end_on)::timestamp), ${M}::date::timestamp),
        interval '7 days') as gs
      where c.territory_id = ${territoryId}::uuid and c.kind = 'engagement'
        and c.status in ('actif', 'en_revision', 'renouvele', 'termine')
        and a.status <> 'prevue' and a.planned_weekly_hours > 0
        and ${H("md5('hours:' || c.id::text)", 9)} % ${HOURS_BATCHES} = ${batch}
        and (c.referent_account_id = ${bench}::uuid or ${H("md5('hours:' || c.id::text)", 1)} % 100 < 85)
    ) w
    where (w.s + w.i * 37) % 100 < 88`.execute(db);
}
export { HOURS_BATCHES };

/** Signed versions, adjustments and signature links. */
export async function insertContractExtras(db: AnyDb, input: ContractSeedInput): Promise<void> {
  const { territoryId } = input;
  const T = isoDay(input.today);
  // Signed versions: the first at the signature, an amendment a few months later; no PDF.
  await sql`
    insert into contract_versions (territory_id, contract_id, version, amendment, signed_at, signature_mode, channel,
      signed_ip, recorded_by_account_id, snapshot, document_id, scan_document_id)
    select c.territory_id, c.id, v, v > 1,
      case when v = 1 then c.signed_at
        else least(c.signed_at + (60 + ${H('k.h', 5)} % 90) * interval '1 day', ${T}::date - 1 + interval '10 hours') end,
      m.mode, case when m.mode = 'lien' then 'sms' end, null,
      case when m.mode = 'lien' then null else c.referent_account_id end,
      -- The shape the contracts module freezes (contractSnapshot.ts), hours done left at 0.
      jsonb_build_object('contractId', c.id, 'territoryName', t.name, 'kind', c.kind, 'version', v,
        'amendment', v > 1,
        'person', jsonb_build_object('name', p.first_names[1] || ' ' || upper(coalesce(p.usage_name, p.birth_name)),
          'addressLines', jsonb_build_array(p.address_line, p.postal_code)),
        'organisation', jsonb_build_object('name', g.name, 'contact', g.email),
        'referentName', a.first_name || ' ' || a.last_name,
        'startOn', c.start_on, 'endOn', c.end_on, 'weeklyTargetHours', c.weekly_target_hours,
        'organisationCommitments', c.organisation_commitments, 'nextAppointment', c.next_appointment,
        'objectives', coalesce((select jsonb_agg(jsonb_build_object('id', o.id, 'code', o.code, 'label', o.label,
            'theme', o.theme, 'need', o.need, 'status', o.status, 'statusReason', o.status_reason,
            'actions', coalesce((select jsonb_agg(jsonb_build_object('id', x.id, 'objectiveId', x.objective_id,
                'code', x.code, 'label', x.label,
                'responsibleOrganisation', jsonb_build_object('id', g.id, 'name', g.name),
                'plannedStart', x.planned_start, 'plannedEnd', x.planned_end,
                'plannedWeeklyHours', x.planned_weekly_hours, 'status', x.status, 'statusReason', x.status_reason,
                'serviceId', null, 'referralId', null, 'hoursDone', 0) order by x.position)
              from contract_actions x where x.territory_id = o.territory_id and x.contract_id = o.contract_id
                and x.objective_id = o.id), '[]'::jsonb)) order by o.position)
          from contract_objectives o where o.territory_id = c.territory_id and o.contract_id = c.id), '[]'::jsonb),
        'adjustments', '[]'::jsonb,
        'signature', jsonb_build_object('mode', m.mode, 'channel', case when m.mode = 'lien' then 'sms' end,
          'signedAt', to_char(c.signed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
      null, null
    from engagement_contracts c
    join territories t on t.id = c.territory_id
    join persons p on p.territory_id = c.territory_id and p.id = c.person_id
    join organisations g on g.territory_id = c.territory_id and g.id = c.organisation_id
    join accounts a on a.id = c.referent_account_id
    cross join lateral (select md5('version:' || c.id::text) as h) k
    cross join lateral generate_series(1, c.version) as v
    cross join lateral (select case when ${H('k.h', 1)} % 100 < 20 then 'lien'
      when ${H('k.h', 1)} % 100 < 60 then 'papier' else 'ecran' end as mode) m
    where c.territory_id = ${territoryId}::uuid and c.version > 0 and c.signed_at is not null`.execute(db);

  // Reductions and waivers for about 8 % of the signed contracts.
  await sql`
    insert into activity_adjustments (territory_id, id, contract_id, person_id, kind, ground, justification, hours,
      start_on, end_on, recorded_by_account_id, recorded_at)
    select c.territory_id, ${sql.raw(uuidOf('k.h'))}, c.id, c.person_id,
      case when ${H('k.h', 5)} % 100 < 60 then 'reduction' else 'dispense' end,
      g.ground,
      case when g.ground = 'autre' then 'Horaires de travail de nuit en intérim, à revoir au prochain point.' end,
      case when ${H('k.h', 5)} % 100 < 60 then 7 + ${H('k.h', 9)} % 4 else 0 end,
      s.start_on, least(c.end_on, s.start_on + 30 + ${H('k.h', 13)} % 150),
      c.referent_account_id, c.created_at + interval '1 day'
    from engagement_contracts c
    cross join lateral (select md5('adjustment:' || c.id::text) as h) k
    cross join lateral (select (array['sante', 'sante', 'parent_isole_sans_garde', 'parent_isole_sans_garde',
      'handicap_invalidite', 'autre'])[1 + ${H('k.h', 17)} % 6] as ground) g
    cross join lateral (select c.start_on + ${H('k.h', 21)} % greatest(1, c.end_on - c.start_on - 30) as start_on) s
    where c.territory_id = ${territoryId}::uuid and c.kind = 'engagement' and c.version > 0
      and c.referent_account_id is not null and ${H('k.h', 1)} % 100 < 8`.execute(db);

  // Signature links for about 60 % of the proposals (some already expired), by SMS or e-mail.
  await sql`
    insert into signature_links (territory_id, id, contract_id, person_id, token_hash, channel, sent_to_masked,
      expires_at, sent_by_account_id, created_at)
    select c.territory_id, ${sql.raw(uuidOf('k.h'))}, c.id, c.person_id,
      encode(sha256(convert_to('scale-link:' || k.h, 'UTF8')), 'hex'),
      case when p.phone_mobile is not null then 'sms' else 'email' end,
      case when p.phone_mobile is not null then left(p.phone_mobile, 2) || ' •• •• •• ' || right(p.phone_mobile, 2)
        else left(p.email, 1) || '•••@' || split_part(p.email, '@', 2) end,
      ${T}::date - ${H('k.h', 5)} % 12 + interval '10 hours' + ${input.signatureLinkDays}::int * interval '1 day',
      c.referent_account_id, ${T}::date - ${H('k.h', 5)} % 12 + interval '10 hours'
    from engagement_contracts c
    join persons p on p.territory_id = c.territory_id and p.id = c.person_id
    cross join lateral (select md5('link:' || c.id::text) as h) k
    where c.territory_id = ${territoryId}::uuid and c.status = 'propose' and c.referent_account_id is not null
      and (p.phone_mobile is not null or p.email is not null) and ${H('k.h', 1)} % 100 < 60`.execute(db);
}
