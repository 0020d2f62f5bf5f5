import type { Appointment } from '@spie/contract/appointments';
import { appointmentsRoutes } from '@spie/contract/appointments';
import type { Campaign } from '@spie/contract/campaigns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createTestContext, type TestContext } from '../../testing/testContext';
import {
  anonymousClient,
  codeOf,
  DAY,
  fakeSms,
  launch,
  launchBody,
  lostPeople,
  ok,
  r,
  recipientsOf,
} from './campaigns.testkit';
import type { PublicInvitation } from './publicInvitation';

/**
 * A manager runs a campaign to 200 people lost from view, with a controllable clock: invitations
 * sent by the worker, an invalid number found, answers through the link, the reminder at D+3
 * (once), the expiry at D+10, the convocation of those who did not answer, an appointment
 * honoured, and the report (screen, CSV, letters PDF).
 */
let ctx: TestContext;
let haddad: TestClient;
let signedInAt = 0;
/** The manager, signed in again when the clock has moved past the session's idle time. */
async function manager(): Promise<TestClient> {
  if (ctx.clock.now().getTime() - signedInAt > 20 * 60_000) {
    haddad = await loginAs(ctx, 'Haddad');
    signedInAt = ctx.clock.now().getTime();
  }
  return haddad;
}
let campaign: Campaign;
type Recipient = Awaited<ReturnType<typeof recipientsOf>>[number];
let recipients: Recipient[];
const person = anonymousClient;

beforeAll(async () => {
  ctx = await createTestContext();
  haddad = await loginAs(ctx, 'Haddad');
  signedInAt = ctx.clock.now().getTime();
  // Per ten people: 6 by SMS, 2 by e-mail, 1 by letter, 1 whose « mobile » is a landline.
  await lostPeople(ctx, 200, {
    reach: ['sms', 'sms', 'sms', 'email', 'sms', 'letter', 'sms', 'email', 'sms', 'invalid_sms'],
  });
  await db()
    .updateTable('organisations')
    .set({ phone: '01 41 60 00 00' })
    .where('name', '=', "Agence locale d'insertion de Bobigny – Drancy")
    .execute();
  campaign = ok(await launch(await manager(), await launchBody(ctx)), 201);
  recipients = await recipientsOf(ctx, campaign.id);
}, 120_000);
afterAll(() => ctx.close());

const db = () => ctx.deps.database.db;

async function drainWorker() {
  for (let i = 0; i < 20; i++) {
    await ctx.runWorker();
    const pending = await db()
      .selectFrom('outbox_events')
      .select(db().fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .where('available_at', '<=', ctx.clock.now())
      .executeTakeFirstOrThrow();
    const due = await db()
      .selectFrom('notifications')
      .select(db().fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', ctx.clock.now())
      .executeTakeFirstOrThrow();
    if (Number(pending.n) === 0 && Number(due.n) === 0) return;
  }
}

const recipient = async (id: string) =>
  db().selectFrom('campaign_recipients').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const byChannel = (channel: string) => recipients.filter((x) => x.channel === channel);
let invalidIds: Set<string>;
const answering: Record<'first' | 'second' | 'caller', Recipient> = {} as never;

describe('a campaign to 200 people lost from view', () => {
  it('the worker sends each invitation once; an invalid number makes the person unreachable and flags the record', async () => {
    expect(recipients).toHaveLength(200);
    await drainWorker();
    const fake = fakeSms(ctx);
    expect(fake.messages).toHaveLength(140);
    expect(new Set(fake.messages.map((m) => m.reference)).size).toBe(140);
    const rows = await recipientsOf(ctx, campaign.id);
    const invalid = rows.filter((x) => x.outcome === 'injoignable');
    invalidIds = new Set(invalid.map((x) => x.id));
    expect(invalid).toHaveLength(20);
    for (const x of invalid)
      expect(x).toMatchObject({ channel: 'sms', delivery: 'echec', step: 'a_envoyer' });
    const flagged = await db()
      .selectFrom('persons')
      .select('id')
      .where('phone_invalid_at', 'is not', null)
      .where(
        'id',
        'in',
        invalid.map((x) => x.person_id),
      )
      .execute();
    expect(flagged).toHaveLength(20);
    const sent = rows.filter((x) => x.step === 'invitee');
    expect(sent).toHaveLength(180);
    expect(sent.every((x) => x.invited_at?.toISOString() === ctx.clock.now().toISOString())).toBe(true);
    // The fake provider reports SMS delivered at once; e-mails and letters are only « envoyé ».
    expect(sent.filter((x) => x.delivery === 'remis').map((x) => x.channel)).toEqual(Array(120).fill('sms'));
    expect(sent.filter((x) => x.delivery === 'envoye')).toHaveLength(60);
    recipients = rows;
    answering.first = byChannel('sms').find((x) => !invalidIds.has(x.id)) as Recipient;
    answering.second = byChannel('email')[0] as Recipient;
    answering.caller = byChannel('sms').filter((x) => !invalidIds.has(x.id))[1] as Recipient;
  });

  it('the person opens the link: first name, organisation, the slots with places left', async () => {
    ctx.clock.advance(DAY);
    const code = codeOf(ctx, answering.first.id);
    const sms = fakeSms(ctx).messages.find((m) => m.reference === answering.first.last_notification_id);
    expect(sms?.text).toContain(`/rdv/${code}`);
    const page = ok(
      await person(ctx).call<PublicInvitation>(r.publicInvitation, { params: { token: code } }),
    );
    expect(page).toEqual({
      state: 'ouverte',
      firstName: expect.stringMatching(/^(Inès|Yanis)$/),
      organisationName: "Agence locale d'insertion de Bobigny – Drancy",
      appointmentTypeLabel: 'Accompagnement',
      expiresOn: '2026-11-12',
      allowCallback: true,
      slots: [
        {
          id: campaign.slots[0]?.id,
          startsAtLocal: '2026-11-16T09:30',
          durationMinutes: 30,
          mode: 'sur_place',
          address: '1 place de la Mairie, 93000 Bobigny',
          placesLeft: 2,
        },
        {
          id: campaign.slots[1]?.id,
          startsAtLocal: '2026-11-16T10:30',
          durationMinutes: 30,
          mode: 'telephone',
          address: null,
          placesLeft: 1,
        },
      ],
      answer: null,
      contact: { organisationName: "Agence locale d'insertion de Bobigny – Drancy", phone: '01 41 60 00 00' },
    });
    // typed in lower case, with I for 1 and O for 0: the same invitation
    const typed = code.toLowerCase().replaceAll('1', 'i').replaceAll('0', 'o');
    expect((await person(ctx).call(r.publicInvitation, { params: { token: typed } })).status).toBe(200);
    const unknown = await person(ctx).call(r.publicInvitation, { params: { token: 'ZZZZZZZZZZZZ' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'campaigns.invitation_unknown' } });
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'campaigns.publicInvitation')
      .where('subject_id', '=', answering.first.id)
      .execute();
    expect(audit[0]).toMatchObject({
      person_id: answering.first.person_id,
      account_id: null,
      outcome: 'success',
    });
    expect(audit[0]?.details).toMatchObject({
      via: 'lien_d_invitation',
      campaignId: campaign.id,
      state: 'ouverte',
    });
  });

  it('booking a slot creates the appointment; a full slot is refused in French; a double click books once', async () => {
    const slotB = campaign.slots[1]?.id as string;
    const slotA = campaign.slots[0]?.id as string;
    const first = codeOf(ctx, answering.first.id);
    const booked = ok(
      await person(ctx).call<PublicInvitation>(r.publicBook, {
        params: { token: first },
        body: { slotId: slotB },
      }),
      201,
    );
    expect(booked).toMatchObject({
      state: 'repondue',
      answer: { kind: 'creneau', startsAtLocal: '2026-11-16T10:30', address: null },
      slots: [],
    });
    const row = await recipient(answering.first.id);
    expect(row).toMatchObject({
      answer: 'creneau',
      outcome: 'rendez_vous_pris',
      step: 'repondu',
      slot_id: slotB,
    });
    const appointment = await db()
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', row.appointment_id as string)
      .executeTakeFirstOrThrow();
    expect(appointment).toMatchObject({
      person_id: answering.first.person_id,
      source: 'campagne',
      campaign_id: campaign.id,
      mode: 'telephone',
      status: 'prevu',
    });
    expect(appointment.starts_at.toISOString()).toBe('2026-11-16T09:30:00.000Z');

    // the same choice again: the same answer, no second appointment
    ok(await person(ctx).call(r.publicBook, { params: { token: first }, body: { slotId: slotB } }), 201);
    const appointments = await db()
      .selectFrom('appointments')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(appointments).toHaveLength(1);
    // another slot after having booked: call the organisation
    const other = await person(ctx).call(r.publicBook, { params: { token: first }, body: { slotId: slotA } });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ error: { code: 'campaigns.already_booked' } });

    // slot B had one place
    const second = codeOf(ctx, answering.second.id);
    const full = await person(ctx).call(r.publicBook, { params: { token: second }, body: { slotId: slotB } });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({
      error: {
        code: 'campaigns.slot_full',
        message: 'Ce créneau vient d’être pris par quelqu’un d’autre. Choisissez un autre créneau.',
      },
    });
    ok(await person(ctx).call(r.publicBook, { params: { token: second }, body: { slotId: slotA } }), 201);
    const view = ok(await (await manager()).call<Campaign>(r.get, { params: { id: campaign.id } }));
    expect(view.slots.map((s) => s.booked)).toEqual([1, 1]);
  });

  it('asking to be called back: « recontacté·e », the managers and the référent are told', async () => {
    const before = await db()
      .selectFrom('notifications')
      .select('id')
      .where('subject', 'like', 'Demande de rappel%')
      .execute();
    expect(before).toHaveLength(0);
    const code = codeOf(ctx, answering.caller.id);
    const answered = ok(
      await person(ctx).call<PublicInvitation>(r.publicCallback, {
        params: { token: code },
        body: { preferredTime: 'matin' },
      }),
      201,
    );
    expect(answered).toMatchObject({ state: 'repondue', answer: { kind: 'rappel' } });
    expect(await recipient(answering.caller.id)).toMatchObject({
      answer: 'rappel',
      callback_time: 'matin',
      outcome: 'recontacte',
      step: 'repondu',
    });
    const told = await db()
      .selectFrom('notifications')
      .select(['recipient_account_id', 'body'])
      .where('subject', '=', 'Demande de rappel (campagne « Perdus de vue — automne »)')
      .execute();
    expect(new Set(told.map((n) => n.recipient_account_id))).toEqual(
      new Set([await accountIdByLastName(ctx, 'Haddad'), await accountIdByLastName(ctx, 'Girard')]),
    );
    expect(told[0]?.body).toContain('demande à être rappelée, de préférence le matin.');
    // asked twice: nothing more
    ok(await person(ctx).call(r.publicCallback, { params: { token: code }, body: {} }), 201);
    expect(
      await db()
        .selectFrom('notifications')
        .select('id')
        .where('subject', 'like', 'Demande de rappel%')
        .execute(),
    ).toHaveLength(2);
  });

  it('the reminder goes at D+3, by SMS or e-mail only, once, to those who have not answered', async () => {
    const fake = fakeSms(ctx);
    ctx.clock.set('2026-11-05T08:59:00.000Z'); // not yet 3 days
    await drainWorker(); // (sends the booking's confirmation)
    const before = fake.messages.length;
    expect(
      await db().selectFrom('notifications').select('id').where('subject', 'like', 'Rappel : %').execute(),
    ).toEqual([]);
    ctx.clock.set('2026-11-05T09:00:00.000Z');
    await drainWorker();
    const reminders = await db()
      .selectFrom('notifications')
      .select(['channel', 'body', 'related_id'])
      .where('subject', 'like', 'Rappel : %')
      .execute();
    // 120 valid SMS and 40 e-mails, less the three who answered; no letter, nobody unreachable
    expect(reminders).toHaveLength(157);
    expect(reminders.filter((n) => n.channel === 'sms')).toHaveLength(118);
    expect(reminders.filter((n) => n.channel === 'email')).toHaveLength(39);
    expect(fake.messages.length).toBe(before + 118);
    const sample = reminders.find(
      (n) =>
        n.related_id ===
        byChannel('sms').find(
          (x) => !invalidIds.has(x.id) && x.id !== answering.first.id && x.id !== answering.caller.id,
        )?.id,
    );
    expect(sample?.body).toMatch(
      /^Bonjour (Inès|Yanis), Agence locale d'insertion de Bobigny – Drancy attend votre réponse\. Choisissez un rendez-vous ou demandez à être rappelé·e au plus tard le jeudi 12 novembre 2026 : \/rdv\/[0-9A-Z]{12}$/,
    );
    // the reminder quotes the same link as the invitation
    const x = recipients.find((y) => y.id === sample?.related_id) as Recipient;
    expect(sample?.body).toContain(`/rdv/${codeOf(ctx, x.id)}`);
    const rows = await recipientsOf(ctx, campaign.id);
    expect(rows.filter((y) => y.step === 'relancee')).toHaveLength(157);
    ctx.clock.advance(DAY);
    await drainWorker();
    expect(
      await db().selectFrom('notifications').select('id').where('subject', 'like', 'Rappel : %').execute(),
    ).toHaveLength(157);
    expect(fake.messages.length).toBe(before + 118);
  });

  it('the invitation expires at the end of D+10: « sans réponse », the link says whom to call', async () => {
    ctx.clock.set('2026-11-12T22:59:00.000Z'); // 23:59 in France on the last day
    await drainWorker();
    const open = recipients.find((x) => x.channel === 'letter') as Recipient;
    const code = codeOf(ctx, open.id);
    expect(
      ok(await person(ctx).call<PublicInvitation>(r.publicInvitation, { params: { token: code } })).state,
    ).toBe('ouverte');
    ctx.clock.set('2026-11-12T23:00:00.000Z');
    await drainWorker();
    const rows = await recipientsOf(ctx, campaign.id);
    expect(rows.filter((x) => x.step === 'expiree')).toHaveLength(197);
    expect(rows.filter((x) => x.outcome === 'sans_reponse')).toHaveLength(177);
    expect(rows.filter((x) => x.outcome === 'injoignable')).toHaveLength(20);
    expect(ok(await (await manager()).call<Campaign>(r.get, { params: { id: campaign.id } })).status).toBe(
      'terminee',
    );
    const page = ok(
      await person(ctx).call<PublicInvitation>(r.publicInvitation, { params: { token: code } }),
    );
    expect(page).toMatchObject({ state: 'expiree', slots: [], contact: { phone: '01 41 60 00 00' } });
    const late = await person(ctx).call(r.publicBook, {
      params: { token: code },
      body: { slotId: campaign.slots[0]?.id },
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      error: {
        code: 'campaigns.invitation_expired',
        message:
          "Cette invitation a expiré : il fallait répondre au plus tard le jeudi 12 novembre 2026. Pour prendre rendez-vous, appelez Agence locale d'insertion de Bobigny – Drancy au 01 41 60 00 00.",
      },
    });
    const lateCall = await person(ctx).call(r.publicCallback, { params: { token: code }, body: {} });
    expect(lateCall.status).toBe(409);
  });

  it('convokes those who did not answer: one appointment each, every 30 minutes, weekdays 09:00–17:00', async () => {
    const girard = await accountIdByLastName(ctx, 'Girard');
    const result = ok(
      await (await manager()).call(r.convoke, {
        params: { id: campaign.id },
        body: {
          firstStartsAt: '2026-11-16T09:00',
          intervalMinutes: 30,
          dayEndsAt: '17:00',
          professionalAccountId: girard,
          address: '1 place de la Mairie, 93000 Bobigny',
        },
      }),
      201,
    );
    expect(result).toEqual({ convoked: 197, skipped: 0 });
    const appointments = await db()
      .selectFrom('appointments')
      .select(['starts_at', 'source', 'person_id'])
      .where('campaign_id', '=', campaign.id)
      .where('source', '=', 'convocation')
      .orderBy('starts_at')
      .execute();
    expect(appointments).toHaveLength(197);
    const starts = appointments.map((a) => a.starts_at.toISOString());
    expect(starts.slice(0, 2)).toEqual(['2026-11-16T08:00:00.000Z', '2026-11-16T08:30:00.000Z']);
    expect(starts[16]).toBe('2026-11-16T16:00:00.000Z'); // 17:00 in France, the last of the day
    expect(starts[17]).toBe('2026-11-17T08:00:00.000Z'); // next day 09:00
    expect(starts[85]).toBe('2026-11-23T08:00:00.000Z'); // Friday full: Monday
    const rows = await recipientsOf(ctx, campaign.id);
    expect(rows.filter((x) => x.step === 'convoquee')).toHaveLength(197);
    // again: nobody left to convoke
    expect(
      ok(
        await (await manager()).call(r.convoke, {
          params: { id: campaign.id },
          body: { firstStartsAt: '2026-11-30T09:00', professionalAccountId: girard, address: 'Mairie' },
        }),
        201,
      ),
    ).toEqual({ convoked: 0, skipped: 0 });
  }, 120_000);

  it('the appointment honoured makes the outcome « rendez-vous honoré », a correction takes it back', async () => {
    ctx.clock.set('2026-11-16T12:00:00.000Z');
    const row = await recipient(answering.first.id);
    const girard = await loginAs(ctx, 'Girard');
    const appointment = ok(
      await girard.call<Appointment>(appointmentsRoutes.get, {
        params: { id: row.appointment_id as string },
      }),
    );
    const held = ok(
      await girard.call<Appointment>(appointmentsRoutes.changeStatus, {
        params: { id: appointment.id },
        body: { action: 'markHeld', revision: appointment.revision },
      }),
    );
    await drainWorker();
    expect((await recipient(answering.first.id)).outcome).toBe('rendez_vous_honore');
    ok(
      await girard.call(appointmentsRoutes.changeStatus, {
        params: { id: appointment.id },
        body: { action: 'correct', status: 'absent', revision: held.revision, reason: 'Erreur de saisie' },
      }),
    );
    await drainWorker();
    expect((await recipient(answering.first.id)).outcome).toBe('rendez_vous_pris');
    const again = ok(
      await girard.call<Appointment>(appointmentsRoutes.get, { params: { id: appointment.id } }),
    );
    ok(
      await girard.call(appointmentsRoutes.changeStatus, {
        params: { id: appointment.id },
        body: { action: 'correct', status: 'honore', revision: again.revision, reason: 'Venue finalement' },
      }),
    );
    await drainWorker();
    expect((await recipient(answering.first.id)).outcome).toBe('rendez_vous_honore');
  });

  it('the report: sent, delivered, answered, booked, honoured, by channel', async () => {
    const view = ok(await (await manager()).call<Campaign>(r.get, { params: { id: campaign.id } }));
    expect(view.counts).toEqual({
      people: 200,
      sent: 180,
      delivered: 120,
      failed: 20,
      reminded: 157,
      answered: 3,
      callbacks: 1,
      booked: 2,
      honoured: 1,
      unreachable: 20,
      noAnswer: 177,
      convoked: 197,
    });
    expect(view.byChannel.map((c) => [c.channel, c.people, c.sent, c.delivered, c.failed])).toEqual([
      ['sms', 140, 120, 120, 20],
      ['email', 40, 40, 0, 0],
      ['letter', 20, 20, 0, 0],
    ]);
    const list = ok(
      await (await manager()).call<{
        items: { outcome: string }[];
        counts: Record<string, number>;
        next: string | null;
      }>(r.recipients, { params: { id: campaign.id }, query: { outcome: 'injoignable', limit: '15' } }),
    );
    expect(list.items).toHaveLength(15);
    expect(list.counts).toEqual({
      en_attente: 0,
      recontacte: 1,
      rendez_vous_pris: 1,
      rendez_vous_honore: 1,
      injoignable: 20,
      sans_reponse: 177,
    });
    const rest = ok(
      await (await manager()).call<{ items: { outcome: string }[]; next: string | null }>(r.recipients, {
        params: { id: campaign.id },
        query: { outcome: 'injoignable', limit: '15', after: list.next as string },
      }),
    );
    expect(rest.items).toHaveLength(5);
    expect(rest.next).toBeNull();
  });

  it('exports the report as CSV for a spreadsheet in French', async () => {
    const res = await (await manager()).request<string>('GET', `/api/campaigns/${campaign.id}/report.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename\*=UTF-8''bilan-campagne-/,
    );
    const text = res.body as unknown as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Nom;Canal;Étape;Résultat;Envoi;Invitation envoyée le;Relance le;Réponse le;Rendez-vous le;Convocation le',
    );
    expect(lines).toHaveLength(201);
    expect(lines.filter((l) => l.includes(';Rendez-vous honoré;'))).toHaveLength(1);
    expect(lines.find((l) => l.includes(';Rendez-vous honoré;'))).toMatch(
      /^(Inès|Yanis) PERDU\d+;SMS;A répondu;Rendez-vous honoré;Remis;02\/11\/2026 10:00;;03\/11\/2026 10:00;16\/11\/2026 10:30;$/,
    );
    expect(lines.filter((l) => l.includes(';Injoignable (coordonnées invalides);Non remis;'))).toHaveLength(
      20,
    );
  });

  it('prints every letter in one tagged PDF, one page each', async () => {
    const res = await (await manager()).request('GET', `/api/campaigns/${campaign.id}/letters.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as unknown as string;
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(20);
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('/Lang (fr-FR)');
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'campaigns.lettersPdf')
      .execute();
    expect(audit[0]?.details).toEqual({ letters: 20 });
  });
});
