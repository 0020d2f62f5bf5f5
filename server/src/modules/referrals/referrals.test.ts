import { weeklyActivity } from '@spie/contract/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClient } from '../../testing/httpClient';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { referralsJobs } from '.';
import {
  accountIdByLastName,
  created,
  latestToken,
  loginAs,
  move,
  refer,
  refWorld,
  service,
  type View,
} from './referrals.testkit';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const DAY = 86_400_000;
const db = () => ctx.deps.database.db;

describe('creating a referral', () => {
  it('sends to the owner organisation, notifies its members, writes history and the timeline', async () => {
    const w = await refWorld(ctx);
    const v = await created(w.girard, w.personId, w.owned);
    expect(v.status).toBe('envoyee');
    expect(v.history).toEqual([expect.objectContaining({ from: null, to: 'envoyee' })]);
    expect(v.sharedData.phone).toBe('0611223344');
    expect(v.sharedData.email).toBe('alice@example.org');
    const row = await db()
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(row.receiving_organisation_id).toBe(w.receiverOrg);
    expect(new Date(row.expires_at as Date).getTime() - ctx.clock.now().getTime()).toBe(30 * DAY);
    const martin = await accountIdByLastName(ctx, 'Martin');
    const notices = await db()
      .selectFrom('notifications')
      .select(['recipient_account_id', 'subject', 'body'])
      .where('recipient_account_id', '=', martin)
      .execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).not.toMatch(/Alice|Témoin/);
    await ctx.runWorker();
    const timeline = await db()
      .selectFrom('timeline_events')
      .select(['summary', 'type'])
      .where('person_id', '=', w.personId)
      .execute();
    expect(timeline.map((e) => e.summary)).toContain(
      `Prescription envoyée : Permis solidaire ${w.owned.slice(-1)} (Structure ${w.owned.slice(-1)})`,
    );
  });

  it('refuses a suspended service, a closed session, a full one, and puts on the waiting list when asked', async () => {
    const w = await refWorld(ctx);
    const suspended = await service(ctx, w.t, {
      owner: w.receiverOrg,
      status: 'suspendu',
      suspendedUntil: '2026-12-15',
    });
    const s = await refer(w.girard, w.personId, suspended);
    expect(s.status).toBe(409);
    expect(s.body.error?.code).toBe('referral.service_suspended');
    expect(s.body.error?.message).toContain('jusqu’au 15/12/2026');

    const fullNoList = await service(ctx, w.t, { owner: w.receiverOrg, capacity: 0, waitingList: false });
    const f = await refer(w.girard, w.personId, fullNoList);
    expect(f.body.error?.code).toBe('referral.full');

    const fullList = await service(ctx, w.t, { owner: w.receiverOrg, capacity: 1 });
    await created(w.girard, w.personId, fullList);
    // Occupy the only place.
    await db()
      .updateTable('referrals')
      .set({ status: 'acceptee' })
      .where('service_id', '=', fullList)
      .execute();
    const asked = await refer(w.girard, w.personId, fullList);
    expect(asked.status).toBe(409);
    expect(asked.body.error?.code).toBe('referral.full_waiting_list');
    expect(asked.body.error?.message).toContain('liste d’attente');
    const waiting = await created(w.girard, w.personId, fullList, { joinWaitingList: true });
    expect(waiting.status).toBe('en_liste_d_attente');

    const now = ctx.clock.now();
    const { id: sessionId } = await db()
      .insertInto('catalogue_sessions')
      .values({
        territory_id: w.t,
        service_id: w.owned,
        start_date: '2026-10-01',
        places: 10,
        status: 'annulee',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const closed = await refer(w.girard, w.personId, w.owned, { sessionId });
    expect(closed.body.error?.code).toBe('referral.session_closed');
  });

  it('requires consent, refuses a document of another person, and refuses outsiders', async () => {
    const w = await refWorld(ctx);
    const noConsent = await refer(w.girard, w.personId, w.owned, { consent: false });
    expect(noConsent.status).toBe(400);
    const other = await refWorld(ctx);
    const { id: docId } = await db()
      .insertInto('documents')
      .values({
        territory_id: w.t,
        person_id: other.personId,
        category: 'other',
        content_type: 'application/pdf',
        filename: 'cv.pdf',
        section: 'documents',
        sha256: 'x'.repeat(64),
        size_bytes: 10,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreign = await refer(w.girard, w.personId, w.owned, {
      documentIds: [docId],
      shared: ['documents'],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error?.code).toBe('referral.document_unknown');
    const petit = await loginAs(ctx, 'Petit');
    expect([403, 404]).toContain((await refer(petit, w.personId, w.owned)).status);
    const martin = await loginAs(ctx, 'Martin');
    expect((await refer(martin, w.personId, w.owned)).status).toBe(403);
  });
});

describe('access and transitions', () => {
  it('the receiving organisation answers; the team reads; others are kept out', async () => {
    const w = await refWorld(ctx);
    const v = await created(w.girard, w.personId, w.owned);
    const martin = await loginAs(ctx, 'Martin');
    const petit = await loginAs(ctx, 'Petit');
    const sow = await loginAs(ctx, 'Sow');
    const seen = await martin.request<View>('GET', `/api/referrals/${v.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions.sort()).toEqual(['accept', 'refuse', 'waitlist']);
    expect((await sow.request<View>('GET', `/api/referrals/${v.id}`)).body.allowedActions).toEqual([]);
    expect((await petit.request('GET', `/api/referrals/${v.id}`)).status).toBe(403);
    expect((await petit.request('GET', `/api/people/${w.personId}/referrals`)).status).toBe(403);
    expect((await martin.request('GET', `/api/people/${w.personId}/referrals`)).status).toBe(403);
    const received = await martin.request<{ items: { id: string }[]; counts: Record<string, number> }>(
      'GET',
      '/api/referrals/received',
    );
    expect(received.body.items.map((i) => i.id)).toEqual([v.id]);
    expect(received.body.counts).toEqual({ envoyee: 1 });
    expect((await petit.request<{ items: unknown[] }>('GET', '/api/referrals/received')).body.items).toEqual(
      [],
    );
    const sent = await w.girard.request<{ items: { id: string }[] }>('GET', '/api/referrals/sent');
    expect(sent.body.items.map((i) => i.id)).toEqual([v.id]);
    const ofPerson = await w.girard.request<{ items: unknown[]; canRefer: boolean }>(
      'GET',
      `/api/people/${w.personId}/referrals`,
    );
    expect(ofPerson.body.canRefer).toBe(true);

    // The sender may not accept; the receiver may not cancel an unanswered referral.
    const wrong = await move(w.girard, v.id, { action: 'accept', revision: v.revision });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error?.code).toBe('referral.invalid_transition');
    expect(wrong.body.error?.message).toContain('Annuler la prescription');
    const noReason = await move(martin, v.id, { action: 'refuse', revision: v.revision });
    expect(noReason.status).toBe(400);
    const other = await move(martin, v.id, { action: 'refuse', reason: 'autre', revision: v.revision });
    expect(other.body.error?.code).toBe('referral.missing_fields');
    const accepted = await move(martin, v.id, { action: 'accept', revision: v.revision });
    expect(accepted.status).toBeLessThan(300);
    expect(accepted.body.status).toBe('acceptee');
    const stale = await move(martin, v.id, {
      action: 'recordEntry',
      date: '2026-11-02',
      revision: v.revision,
    });
    expect(stale.body.error?.code).toBe('referral.revision_conflict');
    const future = await move(martin, v.id, {
      action: 'recordEntry',
      date: '2026-11-03',
      revision: accepted.body.revision,
    });
    expect(future.body.error?.code).toBe('referral.entry_in_future');
    const row = await db()
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(row.answered_at).not.toBeNull();
    // Sender and référent notified (Girard is both): one e-mail per step.
    const girardId = await accountIdByLastName(ctx, 'Girard');
    const toGirard = await db()
      .selectFrom('notifications')
      .select('body')
      .where('recipient_account_id', '=', girardId)
      .execute();
    expect(toGirard).toHaveLength(1);
    expect(toGirard[0]?.body).not.toMatch(/Permis|Alice/);
    await ctx.runWorker();
    const summaries = (
      await db().selectFrom('timeline_events').select('summary').where('person_id', '=', w.personId).execute()
    ).map((e) => e.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Prescription acceptée par Apprendre le français/)]),
    );
  });
});

describe('shared data and lists', () => {
  it('shares attached documents and the situation only when listed; the structure manager sees the organisation’s sent list', async () => {
    const w = await refWorld(ctx);
    const { id: docId } = await db()
      .insertInto('documents')
      .values({
        territory_id: w.t,
        person_id: w.personId,
        category: 'other',
        content_type: 'application/pdf',
        filename: 'cv-2026.pdf',
        section: 'documents',
        sha256: 'y'.repeat(64),
        size_bytes: 10,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('person_statuses')
      .values({
        territory_id: w.t,
        person_id: w.personId,
        kind: 'rsa',
        value: 'ouvert',
        start_date: '2025-01-01',
      })
      .execute();
    const notShared = await refer(w.girard, w.personId, w.owned, { documentIds: [docId] });
    expect(notShared.body.error?.code).toBe('referral.documents_not_shared');
    const v = await created(w.girard, w.personId, w.owned, {
      documentIds: [docId],
      shared: ['documents', 'situation'],
    });
    const martin = await loginAs(ctx, 'Martin');
    const seen = (await martin.request<View>('GET', `/api/referrals/${v.id}`)).body;
    expect(seen.sharedData).toMatchObject({
      phone: null,
      email: null,
      situation: ['RSA'],
      documents: [{ name: 'cv-2026.pdf' }],
    });
    const bare = await created(w.girard, w.personId, w.owned, { shared: [] });
    expect(bare.sharedData).toEqual({
      phone: null,
      email: null,
      birthDate: null,
      situation: [],
      documents: [],
    });
    const haddad = await loginAs(ctx, 'Haddad');
    const sent = await haddad.request<{ items: { id: string }[] }>('GET', '/api/referrals/sent');
    expect(sent.body.items.map((i) => i.id).sort()).toEqual([v.id, bare.id].sort());
    const petit = await loginAs(ctx, 'Petit');
    expect((await petit.request<{ items: unknown[] }>('GET', '/api/referrals/sent')).body.items).toEqual([]);
    const page1 = await w.girard.request<{ items: { id: string }[]; next: string | null }>(
      'GET',
      '/api/referrals/sent?limit=1',
    );
    expect(page1.body.items).toHaveLength(1);
    const page2 = await w.girard.request<{ items: { id: string }[]; next: string | null }>(
      'GET',
      `/api/referrals/sent?limit=1&after=${page1.body.next}`,
    );
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.items[0]?.id).not.toBe(page1.body.items[0]?.id);
    expect(page2.body.next).toBeNull();
    // Audited reads of the person's record.
    const audited = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'referrals.get')
      .execute();
    expect(audited).toHaveLength(1);
  });
});

describe('weekly activity', () => {
  it('entry adds an action to the running contract; hours recorded feed its weekly activity; the end closes it', async () => {
    const w = await refWorld(ctx);
    const now = ctx.clock.now();
    const girardId = await accountIdByLastName(ctx, 'Girard');
    const ali = (
      await db()
        .selectFrom('organisations')
        .select('id')
        .where('name', 'like', 'Agence locale d%Bobigny%')
        .executeTakeFirstOrThrow()
    ).id;
    const { id: contractId } = await db()
      .insertInto('engagement_contracts')
      .values({
        territory_id: w.t,
        person_id: w.personId,
        kind: 'engagement',
        status: 'actif',
        version: 1,
        organisation_id: ali,
        referent_account_id: girardId,
        start_on: '2026-09-07',
        end_on: '2027-09-05',
        weekly_target_hours: 15,
        created_by_account_id: girardId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('contract_objectives')
      .values({
        territory_id: w.t,
        contract_id: contractId,
        person_id: w.personId,
        position: 1,
        label: 'Trouver un emploi',
        theme: 'trouver_un_emploi',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const martin = await loginAs(ctx, 'Martin');
    let v = await created(w.girard, w.personId, w.owned);
    v = (await move(martin, v.id, { action: 'accept', revision: v.revision })).body;
    const early = await martin.request<View>('PUT', `/api/referrals/${v.id}/attendance`, {
      week: '2026-11-02',
      hours: 4,
    });
    expect(early.body.error?.code).toBe('referral.attendance_not_started');
    v = (await move(martin, v.id, { action: 'recordEntry', date: '2026-10-28', revision: v.revision })).body;
    expect(v.status).toBe('entree');
    const action = await db()
      .selectFrom('contract_actions')
      .selectAll()
      .where('referral_id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect([
      action.contract_id,
      action.planned_start,
      Number(action.planned_weekly_hours),
      action.responsible_organisation_id,
    ]).toEqual([contractId, '2026-10-28', 6, w.receiverOrg]);
    expect(
      (
        await martin.request<View>('PUT', `/api/referrals/${v.id}/attendance`, {
          week: '2026-10-28',
          hours: 4,
        })
      ).body.error?.code,
    ).toBe('referral.week_not_monday');
    expect(
      (
        await martin.request<View>('PUT', `/api/referrals/${v.id}/attendance`, {
          week: '2026-10-19',
          hours: 4,
        })
      ).body.error?.code,
    ).toBe('referral.week_before_entry');
    expect(
      (
        await martin.request<View>('PUT', `/api/referrals/${v.id}/attendance`, {
          week: '2026-11-09',
          hours: 4,
        })
      ).body.error?.code,
    ).toBe('referral.week_future');
    expect(
      (await martin.request('PUT', `/api/referrals/${v.id}/attendance`, { week: '2026-10-26', hours: 61 }))
        .status,
    ).toBe(400);
    expect(
      (await w.girard.request('PUT', `/api/referrals/${v.id}/attendance`, { week: '2026-10-26', hours: 3 }))
        .status,
    ).toBe(403);
    const rec = await martin.request<View>('PUT', `/api/referrals/${v.id}/attendance`, {
      week: '2026-10-26',
      hours: 4.5,
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(200);
    expect(rec.body.status).toBe('en_cours');
    expect(rec.body.history.map((h) => h.to)).toEqual(['envoyee', 'acceptee', 'entree', 'en_cours']);
    await martin.request<View>('PUT', `/api/referrals/${v.id}/attendance`, { week: '2026-11-02', hours: 6 });
    const hours = await db()
      .selectFrom('weekly_hours')
      .select(['week_start', 'hours', 'source'])
      .where('action_id', '=', action.id)
      .orderBy('week_start')
      .execute();
    expect(hours.map((h) => [h.week_start, Number(h.hours), h.source])).toEqual([
      ['2026-10-26', 4.5, 'organisation'],
      ['2026-11-02', 6, 'organisation'],
    ]);
    const res = await w.girard.request(
      'GET',
      `/api/people/${w.personId}/weekly-activity?from=2026-10-26&to=2026-11-02`,
    );
    expect(res.status).toBe(200);
    const activity = weeklyActivity.parse(res.body);
    expect(activity.weeks.map((x) => [x.weekStart, x.doneHours])).toEqual([
      ['2026-10-26', 4.5],
      ['2026-11-02', 6],
    ]);
    const current = (await martin.request<View>('GET', `/api/referrals/${v.id}`)).body;
    const early2 = await move(martin, v.id, {
      action: 'finish',
      date: '2026-10-20',
      outcome: 'reussie',
      revision: current.revision,
    });
    expect(early2.body.error?.code).toBe('referral.end_before_entry');
    const done = await move(martin, v.id, {
      action: 'finish',
      date: '2026-11-02',
      outcome: 'abandon',
      revision: current.revision,
    });
    expect(done.body.status).toBe('terminee');
    const ended = await db()
      .selectFrom('contract_actions')
      .select(['status', 'planned_end'])
      .where('id', '=', action.id)
      .executeTakeFirstOrThrow();
    expect(ended).toEqual({ status: 'abandonnee_personne', planned_end: '2026-11-02' });
    await ctx.runWorker();
    const summaries = (
      await db().selectFrom('timeline_events').select('summary').where('person_id', '=', w.personId).execute()
    ).map((e) => e.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Entrée le 28\/10\/2026/),
        expect.stringMatching(/^Fin : abandon/),
      ]),
    );
  });
});

describe('link of an organisation without an account', () => {
  it('is e-mailed at creation, shows only what is shared, answers as the receiver, and is replaced, expires, renews', async () => {
    const w = await refWorld(ctx);
    const v = await created(w.girard, w.personId, w.unowned, { shared: ['situation'] });
    const mail = await db()
      .selectFrom('notifications')
      .select(['recipient', 'body'])
      .where('recipient', '=', 'contact@asso-mobilite.example.org')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.body).not.toMatch(/Alice|Témoin/);
    const token = await latestToken(ctx);
    const anon = new TestClient(ctx.app);
    const got = await anon.request<{ referral: View; linkExpiresAt: string }>(
      'GET',
      `/api/public/referral-links/${token}`,
    );
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body.referral.sharedData.phone).toBeNull();
    expect(got.body.referral.sharedData.email).toBeNull();
    expect(got.body.referral.allowedActions.sort()).toEqual(['accept', 'refuse', 'waitlist']);
    expect(new Date(got.body.linkExpiresAt).getTime() - ctx.clock.now().getTime()).toBe(8 * DAY);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'referrals.publicGet')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ via: 'lien_de_prescription' });

    const accepted = await anon.request<{ referral: View }>(
      'POST',
      `/api/public/referral-links/${token}/transitions`,
      {
        action: 'accept',
        revision: got.body.referral.revision,
      },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBeLessThan(300);
    expect(accepted.body.referral.history.at(-1)?.by).toBe('Structure (lien de prescription)');
    const entry = await anon.request<{ referral: View }>(
      'POST',
      `/api/public/referral-links/${token}/transitions`,
      {
        action: 'recordEntry',
        date: '2026-11-02',
        revision: accepted.body.referral.revision,
      },
    );
    expect(entry.body.referral.status).toBe('entree');
    const att = await anon.request<{ referral: View }>(
      'PUT',
      `/api/public/referral-links/${token}/attendance`,
      {
        week: '2026-11-02',
        hours: 5,
      },
    );
    expect(att.status).toBe(200);
    expect(att.body.referral.attendance).toEqual([{ week: '2026-11-02', hours: 5 }]);
    const attRow = await db()
      .selectFrom('referral_attendance')
      .select('via_link')
      .where('referral_id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(attRow.via_link).toBe(true);

    // A new link (by the sender) replaces the first one.
    ctx.clock.advance(60_000);
    const issued = await w.girard.request<{ expiresAt: string; sentTo: string }>(
      'POST',
      `/api/referrals/${v.id}/link`,
      {},
    );
    expect(issued.status).toBeLessThan(300);
    expect(issued.body.sentTo).toBe('c•••@asso-mobilite.example.org');
    const replaced = await anon.request<View>('GET', `/api/public/referral-links/${token}`);
    expect(replaced.body.error?.code).toBe('referral_link.replaced');
    const second = await latestToken(ctx);
    expect(second).not.toBe(token);
    // Too soon to renew, then expired, then renewed to the same address.
    expect(
      (await anon.request<View>('POST', `/api/public/referral-links/${second}/renew`, {})).body.error?.code,
    ).toBe('referral_link.too_soon');
    ctx.clock.advance(9 * DAY);
    const expired = await anon.request<View>('GET', `/api/public/referral-links/${second}`);
    expect(expired.status).toBe(409);
    expect(expired.body.error?.code).toBe('referral_link.expired');
    expect(expired.body.error?.message).toContain('nouveau lien');
    const renewed = await anon.request('POST', `/api/public/referral-links/${second}/renew`, {});
    expect(renewed.status, JSON.stringify(renewed.body)).toBeLessThan(300);
    const third = await latestToken(ctx);
    expect((await anon.request('GET', `/api/public/referral-links/${third}`)).status).toBe(200);
    const sentTo = await db()
      .selectFrom('referral_links')
      .select('sent_to')
      .where('referral_id', '=', v.id)
      .execute();
    expect(new Set(sentTo.map((s) => s.sent_to))).toEqual(new Set(['contact@asso-mobilite.example.org']));
    const unknown = await anon.request<View>(
      'GET',
      '/api/public/referral-links/inconnu-inconnu-inconnu-0000',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe('referral_link.unknown');
  });
});

describe('reminder and expiry', () => {
  it('reminds once at D+10 and expires at D+30, notifying the sender', async () => {
    const w = await refWorld(ctx);
    const v = await created(w.girard, w.personId, w.owned);
    const martin = await accountIdByLastName(ctx, 'Martin');
    const girard = await accountIdByLastName(ctx, 'Girard');
    const runJobs = async () => {
      for (const job of referralsJobs(ctx.deps)) await job.run();
    };
    const reminders = () =>
      db()
        .selectFrom('notifications')
        .select('id')
        .where('recipient_account_id', '=', martin)
        .where('subject', 'like', 'Relance%')
        .execute();
    ctx.clock.advance(9 * DAY);
    await runJobs();
    expect(await reminders()).toHaveLength(0);
    ctx.clock.advance(1 * DAY);
    await runJobs();
    expect(await reminders()).toHaveLength(1);
    ctx.clock.advance(1 * DAY);
    await runJobs();
    expect(await reminders()).toHaveLength(1);
    ctx.clock.advance(18 * DAY);
    await runJobs();
    expect(
      (await db().selectFrom('referrals').select('status').where('id', '=', v.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('envoyee');
    ctx.clock.advance(1 * DAY);
    await runJobs();
    const row = await db()
      .selectFrom('referrals')
      .select('status')
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('expiree');
    const history = await db()
      .selectFrom('referral_history')
      .select(['action', 'to_status', 'actor_account_id'])
      .where('referral_id', '=', v.id)
      .orderBy('at')
      .execute();
    expect(history.at(-1)).toEqual({ action: 'expire', to_status: 'expiree', actor_account_id: null });
    const toSender = await db()
      .selectFrom('notifications')
      .select('subject')
      .where('recipient_account_id', '=', girard)
      .execute();
    expect(toSender.map((n) => n.subject)).toEqual(['Prescription : expirée sans réponse']);
    ctx.clock.advance(1 * DAY);
    await runJobs();
    expect(
      await db().selectFrom('referral_history').select('id').where('referral_id', '=', v.id).execute(),
    ).toHaveLength(2);
  });
});
