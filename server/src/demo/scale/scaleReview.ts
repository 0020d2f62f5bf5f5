import { type Kysely, sql } from 'kysely';
import { hashInt, uuidOf } from './scaleSql';

/**
 * The systematic review's data of the scale territory (issue 6), written set-based by the
 * database from the teams already seeded (deterministic draws from an md5 of the person id):
 * - each followed person's « last contact » age: about 8.5 % more than 90 days (« Perdu·e de
 *   vue »), 5 % between 61 and 90 days (« Sans contact »), the others within 60 days; never
 *   before the référent's follow-up started;
 * - appointments over two years, about 3 per followed person: the one of the last contact (held,
 *   82 % of people; the others were last reached by phone), 0–4 earlier ones (held, missed,
 *   excused, cancelled), missed or excused ones after the last contact for the people out of
 *   touch, and the next one within two weeks for about a fifth of the people in touch (a few
 *   from the last days still « prévu »); overall about 70 % held, 15 % missed, 10 % excused,
 *   5 % cancelled; one professional each (the référent);
 * - `person_contacts`: every held appointment, the calls; `persons.last_contact_at` = the latest;
 * - « points de situation »: about 60 % of the people reviewed within 90 days (with the person at
 *   the last appointment, or on file), a quarter with an older one, the rest never;
 * - the planned end of the running SIAE contracts (`details.endDate`, 12, 18 or 24 months).
 * The alerts are then computed by the review engine (`recomputeTerritory`).
 */

// biome-ignore lint/suspicious/noExplicitAny: the seed writes several tables with the same helper
type AnyDb = Kysely<any>;

export interface ReviewSeedInput {
  territoryId: string;
  /** Reference day (UTC midnight) and the seed's current instant. */
  today: Date;
  now: Date;
}

/** Batches of the appointments insert (keeps each statement's memory small on PGlite). */
export const APPOINTMENT_BATCHES = 4;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const H = (column: string, from: number) => sql.raw(hashInt(column, from));

/**
 * One row per followed person, computed once (the statements below read it; in the caller's
 * transaction): référent, organisation, days followed, the age of the last contact (`l`), how it
 * happened, and the draws the statements share.
 */
export async function createReviewPlan(db: AnyDb, input: ReviewSeedInput): Promise<void> {
  const T = isoDay(input.today);
  await sql`
    create temporary table scale_review_plan on commit drop as
    select x.person_id, x.acc, x.org, x.address_line, x.postal_code, x.followed_days,
      -- Weekdays only (see weekday()): the last contact lands up to two days earlier than drawn.
      least(x.followed_days, case when x.band < 88 then 93 + ${H('x.h', 9)} % 310
        when x.band < 140 then 63 + ${H('x.h', 9)} % 26 else 1 + ${H('x.h', 9)} % 57 end) as l,
      ${H('x.h', 17)} % 100 < 82 as by_appointment,
      ${H('x.h', 25)} % 100 as reviewed,
      ${H('x.h2', 1)} % 5 as n_earlier,
      ${H('x.h2', 9)} as n_after,
      ${H('x.h2', 17)} % 100 as next_draw,
      ${H('x.h2', 25)} as next_day,
      ${H('x.h3', 1)} % 100 < 70 as at_appointment,
      ${H('x.h3', 9)} % ${APPOINTMENT_BATCHES} as batch,
      ${H('x.h3', 17)} % 100 < 15 as old_call,
      ${H('x.h3', 25)} as draw
    from (
      select f.person_id, f.account_id as acc, f.organisation_id as org, g.address_line, g.postal_code,
        greatest(1, ${T}::date - (coalesce(f.started_at, f.created_at) at time zone 'Europe/Paris')::date) as followed_days,
        md5('review:' || f.person_id::text) as h, md5('review-2:' || f.person_id::text) as h2,
        md5('review-3:' || f.person_id::text) as h3,
        ${H("md5('review:' || f.person_id::text)", 1)} % 1000 as band
      from follow_ups f
      join organisations g on g.territory_id = f.territory_id and g.id = f.organisation_id
      where f.territory_id = ${input.territoryId}::uuid and f.role = 'referent' and f.status = 'active'
        and f.account_id is not null
    ) x`.execute(db);
  await sql`analyze scale_review_plan`.execute(db);
}

const plan = () => sql`scale_review_plan p`;

/** A weekday (a Saturday or Sunday moves to the Friday before, or the Monday after when `forward`). */
const weekday = (day: string, forward = false) =>
  forward
    ? sql.raw(`(${day} + case extract(isodow from ${day})::int when 6 then 2 when 7 then 1 else 0 end)`)
    : sql.raw(`(${day} - case extract(isodow from ${day})::int when 6 then 1 when 7 then 2 else 0 end)`);
/** 09:00–16:30 in France on a day, on the half hour. */
const at = (day: string, hash: string) =>
  sql.raw(
    `((${day})::timestamp + interval '9 hours' + (${hashInt(hash, 25)} % 16) * interval '30 minutes') at time zone 'Europe/Paris'`,
  );

/** Appointments of one batch of people (by hash): `batch` in [0, APPOINTMENT_BATCHES). */
export async function insertAppointments(db: AnyDb, input: ReviewSeedInput, batch: number): Promise<void> {
  const T = isoDay(input.today);
  const D = `'${T}'::date`;
  const now = input.now.toISOString();
  await sql`
    insert into appointments (territory_id, id, person_id, organisation_id, type, starts_at, duration_minutes, mode,
      address, visio_url, status, status_reason, outcome_note, source, confirmation_sent_at, reminder_sent_at,
      created_by_account_id, created_at, updated_at)
    select ${input.territoryId}::uuid, ${sql.raw(uuidOf('a.g'))}, a.person_id, a.org,
      a.type, a.starts_at, case when a.type in ('point_de_situation', 'accompagnement', 'diagnostic') then 45 else 30 end,
      a.mode, case when a.mode = 'sur_place' then a.address_line || ', ' || a.postal_code end,
      case when a.mode = 'visio' then 'https://visio.demo.example.org/' || substr(a.g, 1, 12) end,
      a.status,
      case when a.status = 'excuse' then (array['Enfant malade, a prévenu la veille.', 'Rendez-vous médical le même jour.',
          'Entretien d’embauche au même moment.'])[1 + ${H('a.g', 9)} % 3]
        when a.status = 'annule' then 'Rendez-vous annulé par la structure (professionnel·le absent·e).' end,
      case when a.status = 'honore' then (array['Point sur les démarches en cours.', 'Candidatures envoyées, à relancer.',
          'Formation envisagée : dossier à compléter.', 'Freins logement et garde d’enfants évoqués.'])[1 + ${H('a.g', 9)} % 4] end,
      'manuel', a.starts_at - (5 + ${H('a.g', 13)} % 15) * interval '1 day',
      case when a.starts_at - interval '2 days' <= ${now}::timestamptz then a.starts_at - interval '2 days' end,
      a.acc, a.starts_at - (5 + ${H('a.g', 13)} % 15) * interval '1 day',
      case when a.status = 'prevu' then a.starts_at - (5 + ${H('a.g', 13)} % 15) * interval '1 day'
        else a.starts_at + interval '1 hour' end
    from (
      select e.*,
        ${at('e.d', 'e.g')} as starts_at,
        case when ${H('e.g', 17)} % 100 < 75 then 'sur_place' when ${H('e.g', 17)} % 100 < 95 then 'telephone'
          else 'visio' end as mode
      from (
        -- The appointment of the last contact (held).
        select p.person_id, p.acc, p.org, p.address_line, p.postal_code, md5('appointment:' || p.person_id::text || ':last') as g,
          ${weekday(`(${D} - p.l)`)} as d, 'honore' as status,
          case when p.reviewed < 60 and p.l <= 89 and p.at_appointment then 'point_de_situation' else 'suivi' end
            as type
        from ${plan()}
        where p.by_appointment and p.batch = ${batch}
        union all
        -- Earlier ones, between the follow-up start (at most two years back) and the last contact.
        select p.person_id, p.acc, p.org, p.address_line, p.postal_code, k.g,
          ${weekday(`(${D} - p.l - 1 - ${hashInt('k.g', 1)} % (least(730, p.followed_days) - p.l - 1))`)},
          case when ${H('k.g', 5)} % 100 < 62 then 'honore' when ${H('k.g', 5)} % 100 < 81 then 'absent'
            when ${H('k.g', 5)} % 100 < 94 then 'excuse' else 'annule' end,
          (array['suivi', 'suivi', 'suivi', 'accompagnement', 'accompagnement', 'diagnostic', 'signature',
            'orientation', 'point_de_situation'])[1 + ${H('k.g', 21)} % 9]
        from ${plan()}
        cross join lateral generate_series(1, p.n_earlier) as n
        cross join lateral (select md5('appointment:' || p.person_id::text || ':' || n) as g) k
        where least(730, p.followed_days) - p.l - 1 > 0 and p.batch = ${batch}
        union all
        -- Out of touch: missed, excused or cancelled since the last contact.
        select p.person_id, p.acc, p.org, p.address_line, p.postal_code, k.g,
          ${weekday(`(${D} - p.l + 1 + ${hashInt('k.g', 1)} % greatest(1, p.l - 3))`)},
          case when ${H('k.g', 5)} % 100 < 60 then 'absent' when ${H('k.g', 5)} % 100 < 85 then 'excuse'
            else 'annule' end,
          'suivi'
        from ${plan()}
        cross join lateral generate_series(1, case when p.l > 90 then p.n_after % 3
          when p.l > 60 then p.n_after % 2 else 0 end) as n
        cross join lateral (select md5('appointment:' || p.person_id::text || ':after:' || n) as g) k
        where p.l > 60 and p.batch = ${batch}
        union all
        -- The next one within two weeks (a few from the last days not recorded yet).
        select p.person_id, p.acc, p.org, p.address_line, p.postal_code, md5('appointment:' || p.person_id::text || ':next') as g,
          case when p.next_draw < 22 then ${weekday(`(${D} + p.next_day % 14)`, true)}
            else ${weekday(`(${D} - 1 - p.next_day % 3)`)} end,
          'prevu',
          case when p.next_day % 3 = 0 then 'accompagnement' else 'suivi' end
        from ${plan()}
        where p.l <= 60 and p.next_draw < 24 and p.batch = ${batch}
      ) e
    ) a`.execute(db);
}

/** One professional per appointment (the référent who created it), the agenda's rows. */
export async function insertAppointmentProfessionals(db: AnyDb, input: ReviewSeedInput): Promise<void> {
  await sql`
    insert into appointment_professionals (territory_id, appointment_id, account_id, starts_at)
    select a.territory_id, a.id, a.created_by_account_id, a.starts_at
    from appointments a
    where a.territory_id = ${input.territoryId}::uuid and a.created_by_account_id is not null`.execute(db);
}

/** Contacts: every held appointment, the calls; then « last contact » from them. */
export async function insertContacts(db: AnyDb, input: ReviewSeedInput): Promise<void> {
  const D = `'${isoDay(input.today)}'::date`;
  await sql`
    insert into person_contacts (territory_id, id, person_id, kind, occurred_at, account_id, organisation_id,
      appointment_id, recorded_at)
    select a.territory_id, ${sql.raw(uuidOf("md5('contact:' || a.id::text)"))}, a.person_id, 'rendez_vous', a.starts_at,
      a.created_by_account_id, a.organisation_id, a.id, a.starts_at + interval '1 hour'
    from appointments a
    where a.territory_id = ${input.territoryId}::uuid and a.status = 'honore'`.execute(db);
  // The last contact by phone (18 % of people), and an older call for some others.
  await sql`
    insert into person_contacts (territory_id, id, person_id, kind, occurred_at, account_id, organisation_id, note,
      recorded_at)
    select ${input.territoryId}::uuid, ${sql.raw(uuidOf('c.g'))}, c.person_id, 'appel', c.at, c.acc, c.org,
      'Appel pour faire le point sur les démarches.', c.at + interval '15 minutes'
    from (
      select p.person_id, p.acc, p.org, md5('call:' || p.person_id::text) as g,
        ${at(`${D} - p.l`, "md5('call:' || p.person_id::text)")} as at
      from ${plan()} where not p.by_appointment
      union all
      select p.person_id, p.acc, p.org, md5('call-old:' || p.person_id::text),
        ${at(`${D} - p.l - 1 - p.draw % (least(730, p.followed_days) - p.l - 1)`, "md5('call-old:' || p.person_id::text)")}
      from ${plan()}
      where p.by_appointment and p.old_call and least(730, p.followed_days) - p.l - 1 > 0
    ) c`.execute(db);
  await sql`
    update persons p set last_contact_at = (
      select max(c.occurred_at) from person_contacts c where c.territory_id = p.territory_id and c.person_id = p.id)
    where p.territory_id = ${input.territoryId}::uuid`.execute(db);
}

/** « Points de situation »: 60 % within 90 days, 25 % older, the rest never. */
export async function insertSituationReviews(db: AnyDb, input: ReviewSeedInput): Promise<void> {
  const T = isoDay(input.today);
  const D = `'${T}'::date`;
  await sql`
    insert into situation_reviews (territory_id, id, person_id, account_id, organisation_id, reviewed_on, situation,
      next_step, next_step_on, with_person, created_at)
    select ${input.territoryId}::uuid, ${sql.raw(uuidOf("md5('situation:' || r.person_id::text)"))}, r.person_id, r.acc,
      r.org, r.d,
      (array['Démarches engagées, la personne est présente et motivée.',
        'Situation stable ; la recherche d’emploi avance, une formation est envisagée.',
        'Situation fragile (logement), accompagnement renforcé convenu.',
        'Reprise d’activité à temps partiel, à accompagner dans la durée.'])[1 + r.draw % 4],
      (array['Prochain rendez-vous de suivi : point sur les candidatures.', 'Relancer la demande de formation.',
        'Rendez-vous avec l’assistante sociale pour le logement.'])[1 + r.draw % 3],
      r.d + 30 + r.draw % 30, r.with_person,
      (r.d + interval '12 hours') at time zone 'Europe/Paris'
    from (
      select p.person_id, p.acc, p.org, p.draw,
        case when p.reviewed < 60 and p.l <= 89 and p.by_appointment and p.at_appointment
            then ${weekday(`(${D} - p.l)`)}
          when p.reviewed < 60 then ${T}::date - least(p.followed_days, p.draw % 90)
          else ${T}::date - least(p.followed_days, 91 + p.draw % 300) end as d,
        p.reviewed < 60 and p.l <= 89 and p.by_appointment and p.at_appointment as with_person
      from ${plan()}
      where p.reviewed < 85
    ) r`.execute(db);
}

/** Running SIAE contracts get their planned end (12, 18 or 24 months after the start, still ahead). */
export async function planSiaeContractEnds(db: AnyDb, input: ReviewSeedInput): Promise<void> {
  const T = isoDay(input.today);
  await sql`
    update person_statuses s set details = s.details || jsonb_build_object('siaeType', s.value, 'endDate',
      to_char(case when (s.start_date + interval '12 months')::date > ${T}::date then (s.start_date + interval '12 months')::date - 1
        when (s.start_date + interval '18 months')::date > ${T}::date then (s.start_date + interval '18 months')::date - 1
        else (s.start_date + interval '24 months')::date - 1 end, 'YYYY-MM-DD'))
    where s.territory_id = ${input.territoryId}::uuid and s.kind = 'siae_contract' and s.end_date is null
      and not (s.details ? 'endDate')`.execute(db);
}
