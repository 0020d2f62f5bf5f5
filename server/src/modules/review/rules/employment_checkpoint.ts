import { sql } from 'kysely';
import { followedPeople, personFilter, type RuleMatch, type RuleQuery } from './rule';

/** Work situations that are a job (a start of one is a job start). */
export const jobSituations = ['cdi', 'cdd', 'interim', 'contrat_aide', 'independant'];

/** After the last checkpoint, how long it stays to do before it lapses. */
const LAST_CHECKPOINT_GRACE_MONTHS = 3;

/**
 * « Point de suivi dans l’emploi »: the person is followed and started a job (work situation
 * CDI, CDD, intérim, contrat aidé, indépendant·e) 1, 3 or 6 months ago (parameters). The latest
 * checkpoint reached is to do until a « point de situation » or a contact happens on or after its
 * date; it gives way to the next checkpoint, and the last one lapses 3 months after its date.
 * One episode per job and checkpoint.
 */
export const employmentCheckpoint: RuleQuery = {
  id: 'employment_checkpoint',
  requiresFollowed: true,
  query: (c) => {
    const m1 = c.params.firstMonths ?? 1;
    const m2 = c.params.secondMonths ?? 3;
    const m3 = c.params.thirdMonths ?? 6;
    const last = Math.max(m1, m2, m3);
    const horizon = last + LAST_CHECKPOINT_GRACE_MONTHS;
    return sql<RuleMatch>`
      with fp as (${followedPeople(c)}),
      jobs as (
        select s.id, s.person_id, s.value, s.start_date, s.end_date, p.last_contact_at
        from person_statuses s
        join fp on fp.person_id = s.person_id
        join persons p on p.territory_id = s.territory_id and p.id = s.person_id
        where s.territory_id = ${c.territoryId} and s.kind = 'work_situation'
          and s.value in (${sql.join(jobSituations)})
          and s.start_date <= ${c.today}::date
          and s.start_date > (${c.today}::date - make_interval(months => ${horizon}::int))::date
          ${personFilter(c, 's.person_id')}
      ),
      checkpoints as (
        select distinct on (j.id) j.*, k.n, k.months,
          (j.start_date + make_interval(months => k.months))::date as due_on
        from jobs j
        cross join (values (1, ${m1}::int), (2, ${m2}::int), (3, ${m3}::int)) as k(n, months)
        where (j.start_date + make_interval(months => k.months))::date <= ${c.today}::date
        order by j.id, k.months desc, k.n desc
      )
      select cp.person_id, cp.id || ':' || cp.n as episode_key, cp.due_on as since,
        jsonb_build_object('jobStartOn', cp.start_date, 'situation', cp.value, 'checkpoint', cp.n,
          'months', cp.months) as details
      from checkpoints cp
      where (cp.end_date is null or cp.end_date >= cp.due_on)
        and (cp.months < ${last}::int or cp.due_on > (${c.today}::date - make_interval(months => ${LAST_CHECKPOINT_GRACE_MONTHS}::int))::date)
        and (cp.last_contact_at is null
          or cp.last_contact_at < (cp.due_on::timestamp at time zone 'Europe/Paris'))
        and not exists (
          select 1 from situation_reviews r
          where r.territory_id = ${c.territoryId} and r.person_id = cp.person_id and r.reviewed_on >= cp.due_on)`;
  },
};
