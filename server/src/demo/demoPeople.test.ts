import { diagnosticContent, recommendPath } from '@spie/contract/diagnostics';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../testing/fixtures';
import { createTestContext, T0, type TestContext } from '../testing/testContext';
import { demoPeopleCases } from './demoPeople.data';
import { LOST_GROUP_SIZE } from './demoReview';
import { ensureDemoTerritory } from './demoTerritory';
import { loadSituationCodes } from './diagnosticSamples';

let ctx: TestContext;
const db = () => ctx.deps.database.db;
const today = T0.slice(0, 10);
const accountId = async (lastName: string) =>
  (await db().selectFrom('accounts').select('id').where('last_name', '=', lastName).executeTakeFirstOrThrow())
    .id;

/** The demo as `npm start` loads it: organisations, accounts and people. */
async function loadDemoWithPeople() {
  await db()
    .transaction()
    .execute(async (trx) => {
      const tables = await sql<{ tablename: string }>`
        select tablename from pg_tables
        where schemaname = 'public' and tablename not in ('communes', 'rome_appellations', 'kysely_migration', 'kysely_migration_lock')`.execute(
        trx,
      );
      await sql`alter table audit_log disable trigger audit_log_no_truncate`.execute(trx);
      await sql.raw(`truncate ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} cascade`).execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_truncate`.execute(trx);
    });
  return ensureDemoTerritory(ctx.deps, { people: true });
}

beforeAll(async () => {
  ctx = await createTestContext();
  expect(await loadDemoWithPeople()).toBe(true);
});
afterAll(() => ctx.close());

describe('demo people (npm start)', () => {
  it('puts 25 RSA recipients subject to rights and duties in the « À orienter » queue, 6 of them late', async () => {
    const queue = await db()
      .selectFrom('orientations as o')
      .select([
        'o.person_id',
        'o.source',
        'o.deadline',
        'o.information_received_on',
        'o.deadline_past_at_creation',
      ])
      .where('o.status', '=', 'a_orienter')
      .execute();
    expect(queue).toHaveLength(25);
    expect(queue.filter((o) => (o.deadline as string) < today)).toHaveLength(6);
    expect(queue.filter((o) => (o.deadline as string) >= today).length).toBe(19);
    expect(new Set(queue.map((o) => o.source))).toEqual(new Set(['rsa', 'france_travail', 'manual']));
    expect(queue.filter((o) => o.source === 'rsa').length).toBeGreaterThan(15);
    expect(queue.filter((o) => o.deadline_past_at_creation)).toHaveLength(1);
    const rsa = await db()
      .selectFrom('person_statuses')
      .select(['person_id', 'value', 'details'])
      .where('kind', '=', 'rsa')
      .where('end_date', 'is', null)
      .where(
        'person_id',
        'in',
        queue.map((o) => o.person_id),
      )
      .execute();
    expect(rsa).toHaveLength(25);
    for (const s of rsa) {
      expect(s.value).toBe('2');
      expect((s.details as { soumisDroitsEtDevoirs: boolean }).soumisDroitsEtDevoirs).toBe(true);
    }
    const caf = await db().selectFrom('person_caf_socio_pro').select(['code', 'value']).execute();
    expect(new Set(caf.map((c) => `${c.code} ${c.value}`))).toContain('DIFLOG 1002');
    expect(new Set(caf.map((c) => c.code))).toEqual(new Set(['DIFSOC', 'DIFLOG', 'DIFDISP', 'NATMOB']));
  });

  it('stores diagnostics the contract reads back, with the recommendation of the national criteria', async () => {
    const rows = await db()
      .selectFrom('diagnostics')
      .select(['content', 'recommendation', 'recommended_path', 'completed_at', 'status', 'chosen_path'])
      .execute();
    expect(rows.filter((r) => r.status === 'completed')).toHaveLength(11);
    expect(rows.filter((r) => r.status === 'draft')).toHaveLength(1);
    const codes = Object.values(loadSituationCodes()).flat();
    for (const r of rows) {
      const content = diagnosticContent.parse(r.content);
      expect(content).toEqual(r.content);
      if (r.completed_at) {
        const on = new Date(`${new Date(r.completed_at).toISOString().slice(0, 10)}T00:00:00Z`);
        expect(recommendPath(content, on)).toEqual(r.recommendation);
      }
      expect(r.recommended_path).toBe((r.recommendation as { path: string }).path);
      for (const family of Object.values(content.constraints))
        for (const code of family.situations) expect(codes).toContain(code);
    }
    expect(rows.some((r) => r.chosen_path !== null)).toBe(true);
  });

  it('has one diagnostic validated jointly by Girard (employment) and Diallo (social), both in the team', async () => {
    const joint = await sql<{ person_id: string; authors: string[] }>`
      select d.person_id, array_agg(a.last_name || ':' || da.field order by a.last_name) as authors
      from diagnostics d join diagnostic_authors da on da.diagnostic_id = d.id join accounts a on a.id = da.account_id
      group by d.person_id having count(*) > 1`.execute(db());
    expect(joint.rows).toHaveLength(1);
    expect(joint.rows[0]?.authors).toEqual(['Diallo:social', 'Girard:employment']);
    const team = await db()
      .selectFrom('follow_ups as f')
      .innerJoin('accounts as a', 'a.id', 'f.account_id')
      .select(['a.last_name', 'f.role'])
      .where('f.person_id', '=', joint.rows[0]?.person_id as string)
      .where('f.status', '=', 'active')
      .orderBy('a.last_name')
      .execute();
    expect(team).toEqual([
      { last_name: 'Diallo', role: 'co_referent' },
      { last_name: 'Girard', role: 'referent' },
    ]);
  });

  it('orients people to several organisations, each référent active in the team of the organisation', async () => {
    const current = await db()
      .selectFrom('orientations as o')
      .innerJoin('organisations as g', 'g.id', 'o.organisation_id')
      .select([
        'o.person_id',
        'o.status',
        'o.referent_account_id',
        'o.organisation_id',
        'g.name',
        'o.notified_at',
      ])
      .where('o.status', 'in', ['notifiee', 'referent_designe'])
      .execute();
    // 19 for the orientation and contract stories, 11 more for the systematic review (demoReview.ts).
    expect(current).toHaveLength(30);
    expect(new Set(current.map((o) => o.name)).size).toBeGreaterThanOrEqual(6);
    for (const o of current.filter((x) => x.status === 'referent_designe')) {
      const f = await db()
        .selectFrom('follow_ups')
        .select('id')
        .where('person_id', '=', o.person_id)
        .where('account_id', '=', o.referent_account_id)
        .where('organisation_id', '=', o.organisation_id as string)
        .where('role', '=', 'referent')
        .where('status', '=', 'active')
        .execute();
      expect(f).toHaveLength(1);
    }
    // Their timeline tells the story as the orientation module writes it.
    const events = await sql<{ type: string; n: number }>`
      select type, count(*)::int as n from timeline_events group by type order by type`.execute(db());
    const counts = Object.fromEntries(events.rows.map((e) => [e.type, e.n]));
    expect(counts).toMatchObject({
      ContractActivated: 6,
      ContractCreated: 8,
      ContractEnded: 1,
      ContractLegacyRecorded: 6,
      ContractProposed: 7,
      ContractReviewStarted: 1,
      ContractSigned: 6,
      DiagnosticCompleted: 11,
      OrientationDecided: 30,
      OrientationNotified: 31,
      OrientationReferentAssigned: 28,
      OrientationReplaced: 1,
      OrientationStarted: 25,
      ReorientationAccepted: 1,
      ReorientationRequested: 2,
      // Issue 6 (demoReview.ts): statuses of the review scenarios, points de situation, a few calls.
      PersonStatusAdded: 2,
      RsaSuspended: 1,
      SiaeContractStarted: 1,
      ContactRecorded: 3,
    });
    expect(counts.SituationReviewed).toBeGreaterThanOrEqual(10);
    expect(counts.AppointmentBooked).toBeGreaterThanOrEqual(15);
    expect(counts.AppointmentStatusChanged).toBeGreaterThanOrEqual(40);
    // + 3 of issue 7 (demoCatalogue.ts): ReferralCreated, ReferralStatusChanged, ReferralAttendanceRecorded.
    expect(Object.keys(counts)).toHaveLength(25);
    // Nadia Haddad's « À affecter » list: notified to ALI Bobigny, no référent.
    const toAssign = current.filter((o) => o.status === 'notifiee' && o.name.startsWith('Agence locale d'));
    expect(toAssign.length).toBeGreaterThanOrEqual(1);
    expect(toAssign.every((o) => o.referent_account_id === null && o.notified_at !== null)).toBe(true);
  });

  it('keeps a replaced orientation with its accepted request, and one request waiting', async () => {
    const requests = await db()
      .selectFrom('reorientation_requests')
      .select(['status', 'new_orientation_id', 'orientation_id'])
      .execute();
    expect(requests.map((r) => r.status).sort()).toEqual(['acceptee', 'demandee']);
    const accepted = requests.find((r) => r.status === 'acceptee');
    const replaced = await db()
      .selectFrom('orientations')
      .select(['status', 'ended_at'])
      .where('id', '=', accepted?.orientation_id as string)
      .executeTakeFirstOrThrow();
    expect(replaced.status).toBe('remplacee');
    const next = await db()
      .selectFrom('orientations')
      .select(['previous_orientation_id', 'source'])
      .where('id', '=', accepted?.new_orientation_id as string)
      .executeTakeFirstOrThrow();
    expect(next).toEqual({ previous_orientation_id: accepted?.orientation_id, source: 'reorientation' });
  });

  it('shows through the API: the queue, « À affecter », the joint diagnostic and the pending request', async () => {
    const benali = await loginAs(ctx, 'Benali');
    const queue = await benali.request<{ total: number; overdue: number; items: { daysLeft: number }[] }>(
      'GET',
      '/api/orientations/queue?limit=50',
    );
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ total: 25, overdue: 6 });
    expect(queue.body.items[0]?.daysLeft).toBeLessThan(0);
    const pending = await benali.request<{ items: unknown[] }>(
      'GET',
      '/api/reorientation-requests?scope=pending',
    );
    expect(pending.status).toBe(200);
    expect(pending.body.items).toHaveLength(1);

    const haddad = await loginAs(ctx, 'Haddad');
    const toAssign = await haddad.request<{ items: { proposedReferent: { name: string } | null }[] }>(
      'GET',
      '/api/orientations/to-assign',
    );
    expect(toAssign.status).toBe(200);
    expect(toAssign.body.items).toHaveLength(2);
    expect(toAssign.body.items.map((i) => i.proposedReferent?.name ?? null)).toContain('Inès Moreau');

    const girard = await loginAs(ctx, 'Girard');
    const caseload = await girard.request<{ items: { id: string }[] }>(
      'GET',
      '/api/people/caseload?limit=50',
    );
    const overviews = await Promise.all(
      caseload.body.items.map((p) =>
        girard.request<{ draft: unknown; versions: { jointlyValidated: boolean }[] }>(
          'GET',
          `/api/people/${p.id}/diagnostics`,
        ),
      ),
    );
    expect(overviews.every((o) => o.status === 200)).toBe(true);
    expect(overviews.filter((o) => o.body.versions.some((v) => v.jointlyValidated))).toHaveLength(1);
    expect(overviews.filter((o) => o.body.draft !== null)).toHaveLength(1);
    const orientations = await Promise.all(
      caseload.body.items.map((p) =>
        girard.request<{ currentId: string | null; items: { status: string }[] }>(
          'GET',
          `/api/people/${p.id}/orientations`,
        ),
      ),
    );
    expect(orientations.every((o) => o.status === 200 && o.body.currentId !== null)).toBe(true);
    expect(orientations.some((o) => o.body.items.some((i) => i.status === 'remplacee'))).toBe(true);
  });

  it('has the acceptance journey’s start: oriented to Girard, notified, diagnostic with needs, no contract', async () => {
    const girardId = await accountId('Girard');
    const people = await sql<{
      person_id: string;
      content: unknown;
      contract_deadline: string;
      channel: string;
    }>`
      select o.person_id, d.content, o.contract_deadline::text, p.preferred_channel as channel
      from orientations o
      join persons p on p.id = o.person_id
      join diagnostics d on d.person_id = o.person_id and d.status = 'completed'
      where o.status = 'referent_designe' and o.referent_account_id = ${girardId} and o.notified_at is not null
        and not exists (select 1 from engagement_contracts c where c.person_id = o.person_id)`.execute(db());
    const acceptance = people.rows.filter((r) => {
      const c = diagnosticContent.parse(r.content);
      return (
        c.constraints.logement.impact === 'fort' &&
        c.constraints.famille.impact === 'moyen' &&
        c.axes.preparer_sa_candidature.level === 'besoin'
      );
    });
    expect(acceptance).toHaveLength(1);
    const [person] = acceptance;
    // The month to sign is still running; the link can go by SMS.
    expect(String(person?.contract_deadline) > today).toBe(true);
    expect(person?.channel).toBe('sms');
  });

  it('has an active contract signed 10 weeks ago with hours (some declared) and a childcare waiver', async () => {
    const active = await db()
      .selectFrom('engagement_contracts')
      .selectAll()
      .where('kind', '=', 'engagement')
      .where('status', '=', 'actif')
      .where('signed_at', '>', new Date(Date.parse(T0) - 75 * 86_400_000))
      .execute();
    expect(active).toHaveLength(1);
    const c = active[0];
    if (!c) throw new Error('no active contract');
    expect(c.version).toBe(1);
    expect(Number(c.weekly_target_hours)).toBe(15);
    const version = await db()
      .selectFrom('contract_versions')
      .selectAll()
      .where('contract_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(version).toMatchObject({ version: 1, amendment: false, document_id: null });
    expect((version.snapshot as { objectives: unknown[] }).objectives).toHaveLength(3);
    const objectives = await db()
      .selectFrom('contract_objectives')
      .selectAll()
      .where('contract_id', '=', c.id)
      .execute();
    const actions = await db()
      .selectFrom('contract_actions')
      .selectAll()
      .where('contract_id', '=', c.id)
      .execute();
    expect(objectives).toHaveLength(3);
    expect(actions.length).toBeGreaterThanOrEqual(5);
    expect(actions.every((a) => a.code?.startsWith('act_'))).toBe(true);
    expect(objectives.some((o) => o.need !== null)).toBe(true);
    const hours = await db().selectFrom('weekly_hours').selectAll().where('contract_id', '=', c.id).execute();
    const weeks = new Set(hours.map((h) => String(h.week_start)));
    expect(weeks.size).toBeGreaterThanOrEqual(8);
    expect(hours.some((h) => h.source === 'person')).toBe(true);
    expect(hours.some((h) => h.source === 'referent')).toBe(true);
    const monday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1;
    for (const h of hours) {
      expect(monday(String(h.week_start))).toBe(true);
      expect(String(h.week_start) <= today).toBe(true);
      expect(String(h.week_start) >= String(c.start_on)).toBe(true);
      expect(Number(h.hours)).toBeLessThanOrEqual(60);
    }
    const waiver = await db()
      .selectFrom('activity_adjustments')
      .selectAll()
      .where('contract_id', '=', c.id)
      .execute();
    expect(waiver).toHaveLength(1);
    expect(waiver[0]).toMatchObject({ kind: 'dispense', ground: 'parent_isole_sans_garde' });
    expect(String(waiver[0]?.start_on) <= today && String(waiver[0]?.end_on) > today).toBe(true);
  });

  it('fills Girard’s « Contrats à signer / à réviser » and keeps one open contract per person', async () => {
    const girardId = await accountId('Girard');
    const open = await db()
      .selectFrom('engagement_contracts')
      .select(['status', 'kind', 'review_due_on', 'signed_at', 'person_id', 'plan_changed', 'orientation_id'])
      .where('referent_account_id', '=', girardId)
      .where('status', 'in', ['brouillon', 'propose', 'signe', 'actif', 'en_revision'])
      .execute();
    const engagement = open.filter((c) => c.kind === 'engagement');
    const toSign = engagement.filter((c) => c.status === 'brouillon' || c.status === 'propose');
    expect(toSign.map((c) => c.status).sort()).toEqual(['brouillon', 'propose']);
    const soon = new Date(Date.parse(T0) + 30 * 86_400_000).toISOString().slice(0, 10);
    const toReview = engagement.filter(
      (c) => c.status === 'en_revision' || (c.status === 'actif' && String(c.review_due_on) <= soon),
    );
    expect(toReview.length).toBeGreaterThanOrEqual(2);
    expect(new Set(engagement.map((c) => c.person_id)).size).toBe(engagement.length);
    expect(engagement.find((c) => c.status === 'en_revision')?.plan_changed).toBe(true);
    // The proposal is past the month after the notification; its link expired unused.
    const late = await sql<{ deadline: string; links: number; open: number }>`
      select o.contract_deadline::text as deadline, count(l.id)::int as links,
        count(l.id) filter (where l.expires_at > ${T0}::timestamptz and l.used_at is null)::int as open
      from engagement_contracts c join orientations o on o.id = c.orientation_id
      left join signature_links l on l.contract_id = c.id
      where c.status = 'propose' group by o.contract_deadline`.execute(db());
    expect(late.rows).toHaveLength(1);
    expect(String(late.rows[0]?.deadline) < today).toBe(true);
    expect(late.rows[0]).toMatchObject({ links: 1, open: 0 });
    // A CER still running (to convert) and a contract ended on a lasting job, with its successor.
    // (and five more, of people of the review scenarios: demoReview.ts)
    expect(open.filter((c) => c.kind === 'cer')).toHaveLength(6);
    const ended = await db()
      .selectFrom('engagement_contracts as e')
      .innerJoin('engagement_contracts as n', 'n.id', 'e.next_contract_id')
      .select(['e.end_reason', 'n.status', 'n.previous_contract_id', 'e.id'])
      .where('e.status', '=', 'termine')
      .execute();
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ end_reason: 'emploi_durable', status: 'actif' });
    expect(ended[0]?.previous_contract_id).toBe(ended[0]?.id);
  });

  it('loads once', async () => {
    expect(await ensureDemoTerritory(ctx.deps, { people: true })).toBe(false);
    const n = await db()
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(demoPeopleCases.length + LOST_GROUP_SIZE);
  });
});
