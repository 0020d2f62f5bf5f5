import type { Campaign } from '@spie/contract/campaigns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createTestContext, type TestContext } from '../../testing/testContext';
import {
  launch,
  launchBody,
  lostPeople,
  MESSAGE,
  ok,
  organisationIdOf,
  r,
  recipientsOf,
} from './campaigns.testkit';

let ctx: TestContext;
let haddad: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  haddad = await loginAs(ctx, 'Haddad');
});

const db = () => ctx.deps.database.db;

/** Counts the statements sent to PGlite from now on (nothing counted on PostgreSQL). */
function countStatements(c: TestContext) {
  const counter = { n: 0, counted: false };
  const pglite = (
    c.deps.database as unknown as { pglite?: Record<string, (...a: unknown[]) => Promise<unknown>> }
  ).pglite;
  if (!pglite) return counter;
  counter.counted = true;
  for (const m of ['query', 'exec']) {
    const original = pglite[m]?.bind(pglite);
    if (!original) continue;
    pglite[m] = (...args: unknown[]) => {
      counter.n++;
      return original(...args);
    };
  }
  return counter;
}
const count = async (table: 'campaigns' | 'campaign_recipients' | 'notifications') =>
  Number(
    (await db().selectFrom(table).select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );

describe('preview', () => {
  it('counts people by channel, those without contact, and shows the message with « Camille »', async () => {
    await lostPeople(ctx, 10, { reach: ['sms', 'sms', 'email', 'letter', 'none'] });
    await lostPeople(ctx, 2, { reach: ['invalid_sms'] });
    // flagged invalid since: falls back to the next usable channel, here none
    await db()
      .updateTable('persons')
      .set({ phone_invalid_at: ctx.clock.now() })
      .where('phone_mobile', '=', '01 48 30 00 00')
      .execute();
    const preview = ok(
      await haddad.call(r.preview, { body: { selection: { ruleIds: ['lost_contact'] }, message: MESSAGE } }),
    );
    expect(preview).toEqual({
      people: 12,
      byChannel: { sms: 4, email: 2, letter: 2 },
      withoutContact: 4,
      sample:
        "Bonjour Camille, Agence locale d'insertion de Bobigny – Drancy souhaite vous revoir. Choisissez un rendez-vous : /rdv/ABCD2345EFGH",
      tooMany: false,
    });
  });

  it('follows the selection: rules, communes, snoozed alerts, and only the manager’s organisation', async () => {
    await lostPeople(ctx, 3);
    await lostPeople(ctx, 2, { communeCode: '93048' });
    await lostPeople(ctx, 4, { snoozedUntil: '2026-12-01' });
    await lostPeople(ctx, 1, { snoozedUntil: '2026-11-01' });
    await lostPeople(ctx, 5, { rule: 'no_contact' });
    await lostPeople(ctx, 6, { followedBy: 'Petit' });
    const people = async (selection: Record<string, unknown>, client = haddad) =>
      ok(await client.call<{ people: number }>(r.preview, { body: { selection } })).people;
    expect(await people({ ruleIds: ['lost_contact'] })).toBe(6);
    expect(await people({ ruleIds: ['lost_contact'], includeSnoozed: true })).toBe(10);
    expect(await people({ ruleIds: ['lost_contact', 'no_contact'] })).toBe(11);
    expect(await people({ ruleIds: ['lost_contact'], communeCodes: ['93048'] })).toBe(2);
    expect(await people({ ruleIds: ['no_contact'], communeCodes: ['93048'] })).toBe(0);
    // Another organisation's manager sees only their people; the territory admin sees all.
    expect(
      await people({ ruleIds: ['lost_contact'] }, await loginAs(ctx, 'Mansouri', 'structure_manager')),
    ).toBe(6);
    const fontaine = await loginAs(ctx, 'Fontaine');
    expect(await people({ ruleIds: ['lost_contact'] }, fontaine)).toBe(12);
    const ali = await organisationIdOf(ctx, 'Haddad');
    expect(await people({ ruleIds: ['lost_contact'], organisationId: ali }, fontaine)).toBe(6);
    // A manager cannot aim at another organisation's people.
    const other = await organisationIdOf(ctx, 'Petit');
    const refused = await haddad.call(r.preview, {
      body: { selection: { ruleIds: ['lost_contact'], organisationId: other } },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'campaigns.other_organisation' } });
  });

  it('refuses a message without {lien} and an unknown rule, in French', async () => {
    const res = await haddad.call(r.preview, {
      body: {
        selection: { ruleIds: ['pas_une_regle'] },
        message: 'Bonjour {prenom}, venez nous voir bientôt.',
      },
    });
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body);
    expect(text).toContain('Le message doit contenir {lien}');
    expect(text).toContain('Règle d’alerte inconnue.');
  });
});

describe('launch', () => {
  it('stores the campaign, slots, recipients, their codes and the invitations in one go', async () => {
    await lostPeople(ctx, 6, { reach: ['sms', 'email', 'letter'] });
    const campaign = ok(await launch(haddad, await launchBody(ctx)), 201);
    expect(campaign).toMatchObject({
      name: 'Perdus de vue — automne',
      status: 'en_cours',
      organisation: { name: "Agence locale d'insertion de Bobigny – Drancy" },
      createdBy: { name: 'Nadia Haddad' },
      expiresOn: '2026-11-12',
      reminderDays: 3,
      expiryDays: 10,
      allowCallback: true,
      counts: { people: 6, sent: 0 },
      lettersPdfAvailable: true,
    });
    expect(campaign.slots.map((s) => [s.startsAtLocal, s.startsAt, s.mode, s.capacity, s.booked])).toEqual([
      ['2026-11-16T09:30', '2026-11-16T08:30:00.000Z', 'sur_place', 2, 0],
      ['2026-11-16T10:30', '2026-11-16T09:30:00.000Z', 'telephone', 1, 0],
    ]);
    expect(campaign.byChannel.map((c) => [c.channel, c.people])).toEqual([
      ['sms', 2],
      ['email', 2],
      ['letter', 2],
    ]);
    const recipients = await recipientsOf(ctx, campaign.id);
    expect(recipients).toHaveLength(6);
    for (const rec of recipients) {
      expect(rec).toMatchObject({ step: 'a_envoyer', outcome: 'en_attente', delivery: 'en_attente' });
      expect(rec.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rec.expires_at?.toISOString()).toBe('2026-11-12T23:00:00.000Z');
    }
    const notifications = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('related_kind', '=', 'campaign_recipient')
      .execute();
    expect(notifications).toHaveLength(6);
    const sms = notifications.find((n) => n.channel === 'sms');
    expect(sms?.body).toMatch(
      /^Bonjour (Inès|Yanis), Agence locale d'insertion de Bobigny – Drancy souhaite vous revoir\. Choisissez un rendez-vous : \/rdv\/[0-9A-HJKMNP-TV-Z]{12}$/,
    );
    const letter = notifications.find((n) => n.channel === 'letter');
    expect(letter?.recipient).toMatch(/^(Inès|Yanis) PERDU\d+, \d+ rue de la République, 93000 Bobigny$/);
    expect(letter?.body).toContain('Objet : proposition de rendez-vous');
    expect(letter?.body).toMatch(/Votre code personnel : [0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}/);
    expect(letter?.body).toContain('jusqu’au jeudi 12 novembre 2026 inclus');
    const email = notifications.find((n) => n.channel === 'email');
    expect(email?.subject).toBe("Agence locale d'insertion de Bobigny – Drancy vous propose un rendez-vous");
    // every recipient's message points at their own recipient row
    expect(new Set(notifications.map((n) => n.related_id))).toEqual(new Set(recipients.map((x) => x.id)));
    // One audit row for the launch, with the count; timeline entries come through events.
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'campaigns.launch')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subject_type: 'campaign', subject_id: campaign.id, outcome: 'success' });
    expect(audit[0]?.details).toMatchObject({ people: 6, slots: 2 });
    const events = await db()
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'CampaignInvitationQueued')
      .execute();
    expect(events).toHaveLength(6);
    await ctx.runWorker();
    const timeline = await db()
      .selectFrom('timeline_events')
      .select('summary')
      .where('type', '=', 'CampaignInvitationQueued')
      .execute();
    expect(timeline).toHaveLength(6);
    expect(timeline[0]?.summary).toMatch(
      /^Invitation à un rendez-vous envoyée par (SMS|courriel|courrier) \(campagne « Perdus de vue — automne », Agence locale d'insertion de Bobigny – Drancy\)\.$/,
    );
  });

  it('a double click creates one campaign: the same key gives the same campaign', async () => {
    await lostPeople(ctx, 5);
    const body = await launchBody(ctx);
    const first = ok(await launch(haddad, body), 201);
    const again = ok(await launch(haddad, body), 201);
    expect(again.id).toBe(first.id);
    expect(await count('campaigns')).toBe(1);
    expect(await count('campaign_recipients')).toBe(5);
    expect(await count('notifications')).toBe(5);
  });

  it('two launches at the same moment with the same key create one campaign', async () => {
    await lostPeople(ctx, 40);
    const body = await launchBody(ctx);
    const [a, b] = await Promise.all([launch(haddad, body), launch(haddad, body)]);
    expect(ok(a, 201).id).toBe(ok(b, 201).id);
    expect(await count('campaigns')).toBe(1);
    expect(await count('campaign_recipients')).toBe(40);
    expect(await count('notifications')).toBe(40);
  });

  it('another key is another campaign', async () => {
    await lostPeople(ctx, 2);
    ok(await launch(haddad, await launchBody(ctx)), 201);
    ok(await launch(haddad, await launchBody(ctx)), 201);
    expect(await count('campaigns')).toBe(2);
  });

  it('people without any usable contact are in the campaign, unreachable from the start', async () => {
    await lostPeople(ctx, 2, { reach: ['none'] });
    const campaign = ok(await launch(haddad, await launchBody(ctx)), 201);
    expect(campaign.counts).toMatchObject({ people: 2, unreachable: 2, failed: 2 });
    expect(await count('notifications')).toBe(0);
  });

  it('refuses a launch nobody would receive, a slot of another organisation’s professional, a past slot, a visio slot, no way to answer', async () => {
    const nobody = await launch(haddad, await launchBody(ctx));
    expect(nobody.status).toBe(409);
    expect(nobody.body).toMatchObject({ error: { code: 'campaigns.nobody' } });
    await lostPeople(ctx, 1);
    const petit = await accountIdByLastName(ctx, 'Petit');
    const bad = await launch(
      haddad,
      await launchBody(ctx, {
        slots: [
          { startsAt: '2026-11-16T09:30', capacity: 1, professionalAccountId: petit },
          {
            startsAt: '2026-10-01T09:30',
            capacity: 1,
            professionalAccountId: await accountIdByLastName(ctx, 'Girard'),
          },
          {
            startsAt: '2026-11-16T09:30',
            capacity: 1,
            mode: 'visio',
            professionalAccountId: await accountIdByLastName(ctx, 'Girard'),
          },
        ],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: {
        code: 'campaigns.invalid_slots',
        fields: [
          {
            path: 'slots.0.professionalAccountId',
            message:
              "Choisissez un professionnel de la structure (Agence locale d'insertion de Bobigny – Drancy).",
          },
          { path: 'slots.1.startsAt', message: 'Ce créneau est déjà passé : choisissez une heure à venir.' },
          {
            path: 'slots.2.mode',
            message: 'Les créneaux d’une campagne se tiennent sur place ou par téléphone.',
          },
        ],
      },
    });
    const noAnswer = await launch(haddad, await launchBody(ctx, { slots: [], allowCallback: false }));
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body).toMatchObject({ error: { code: 'campaigns.no_way_to_answer' } });
    expect(await count('campaigns')).toBe(0);
  });

  it('a slot on site without address takes the organisation’s address', async () => {
    await lostPeople(ctx, 1);
    await db()
      .updateTable('organisations')
      .set({ address_line: '10 rue du Parc', postal_code: '93000' })
      .where('id', '=', await organisationIdOf(ctx, 'Haddad'))
      .execute();
    const girard = await accountIdByLastName(ctx, 'Girard');
    const campaign = ok(
      await launch(
        haddad,
        await launchBody(ctx, {
          slots: [{ startsAt: '2026-11-16T09:30', capacity: 1, professionalAccountId: girard }],
        }),
      ),
      201,
    );
    expect(campaign.slots[0]?.address).toBe('10 rue du Parc, 93000 Bobigny');
  });

  it('5,000 people are queued in one launch, in a few dozen statements (no per-person round trip)', async () => {
    await lostPeople(ctx, 5000, { reach: ['sms', 'sms', 'email', 'letter'] });
    const statements = countStatements(ctx);
    const started = performance.now();
    const campaign = ok(await launch(haddad, await launchBody(ctx)), 201);
    const seconds = (performance.now() - started) / 1000;
    expect(campaign.counts.people).toBe(5000);
    expect(await count('notifications')).toBe(5000);
    // The 10 s budget is measured by the bench on an idle machine; here, only a sanity bound.
    expect(seconds).toBeLessThan(60);
    if (statements.counted) expect(statements.n).toBeLessThan(45);
  }, 120_000);
});

describe('who may run campaigns', () => {
  it('professionals may not; another organisation’s manager does not see the campaign; the territory admin does', async () => {
    await lostPeople(ctx, 3);
    const campaign = ok(await launch(haddad, await launchBody(ctx)), 201);
    const girard = await loginAs(ctx, 'Girard');
    for (const [route, input] of [
      [r.list, {}],
      [r.preview, { body: { selection: { ruleIds: ['lost_contact'] } } }],
      [r.launch, { body: await launchBody(ctx) }],
      [r.get, { params: { id: campaign.id } }],
      [r.recipients, { params: { id: campaign.id } }],
      [r.cancel, { params: { id: campaign.id } }],
    ] as const) {
      expect((await girard.call(route, input)).status, route.id).toBe(403);
    }
    const mansouri = await loginAs(ctx, 'Mansouri', 'structure_manager');
    expect((await mansouri.call(r.get, { params: { id: campaign.id } })).status).toBe(404);
    expect((await mansouri.call(r.exportCsv, { params: { id: campaign.id } })).status).toBe(404);
    expect((await mansouri.call(r.cancel, { params: { id: campaign.id } })).status).toBe(404);
    expect(ok(await mansouri.call<{ items: Campaign[] }>(r.list, {})).items).toEqual([]);
    const fontaine = await loginAs(ctx, 'Fontaine');
    expect(ok(await fontaine.call<Campaign>(r.get, { params: { id: campaign.id } })).id).toBe(campaign.id);
    expect(ok(await haddad.call<{ items: Campaign[] }>(r.list, {})).items.map((c) => c.id)).toEqual([
      campaign.id,
    ]);
  });

  it('a territory admin launches for one organisation: its people, its name, its professionals', async () => {
    await lostPeople(ctx, 2);
    await lostPeople(ctx, 3, { followedBy: 'Petit' });
    const fontaine = await loginAs(ctx, 'Fontaine');
    const saintDenis = await organisationIdOf(ctx, 'Petit');
    const petit = await accountIdByLastName(ctx, 'Petit');
    const campaign = ok(
      await launch(
        fontaine,
        await launchBody(ctx, {
          selection: { ruleIds: ['lost_contact'], organisationId: saintDenis },
          slots: [
            { startsAt: '2026-11-17T14:00', capacity: 3, mode: 'telephone', professionalAccountId: petit },
          ],
        }),
      ),
      201,
    );
    expect(campaign.counts.people).toBe(3);
    expect(campaign.organisation.id).toBe(saintDenis);
    // the organisation's manager sees it in their list
    const mansouri = await loginAs(ctx, 'Mansouri', 'structure_manager');
    expect(ok(await mansouri.call<{ items: Campaign[] }>(r.list, {})).items.map((c) => c.id)).toEqual([
      campaign.id,
    ]);
  });

  it('lists campaigns by pages, most recent first', async () => {
    await lostPeople(ctx, 1);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(ok(await launch(haddad, await launchBody(ctx)), 201).id);
      ctx.clock.advance(60_000);
    }
    const first = ok(
      await haddad.call<{ items: Campaign[]; next: string }>(r.list, { query: { limit: '2' } }),
    );
    expect(first.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const second = ok(
      await haddad.call<{ items: Campaign[]; next: string | null }>(r.list, {
        query: { limit: '2', after: first.next },
      }),
    );
    expect(second.items.map((c) => c.id)).toEqual([ids[0]]);
    expect(second.next).toBeNull();
  });
});
