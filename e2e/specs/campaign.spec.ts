import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  checkByLabel,
  expectHeading,
  expectNoAxeViolations,
  loginAs,
  message,
  reloadUntil,
  visit,
} from '../support/browser';

/**
 * The acceptance journey for a manager: Nadia Haddad (ALI Bobigny) sees her
 * organisation's alerts, prepares a campaign for the people lost from view (about 200 in the demo,
 * server/src/demo/demoReview.ts), previews it, launches it with a double click (one campaign),
 * the worker sends the SMS; a person opens the short link from the demo inbox and books a slot;
 * the report shows the answer and the appointment taken.
 */
const session = new BrowserSession();
let manager: Page;
let person: Page;
let campaignId = '';

const DAY = 86_400_000;
const parisToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const NAME = `Reprise de contact ${Date.now().toString(36)}`;

interface CampaignCounts {
  people: number;
  sent: number;
  booked: number;
  answered: number;
  unreachable: number;
}
async function counts(page: Page): Promise<CampaignCounts> {
  const res = await page.request.get(`/api/campaigns/${campaignId}`);
  return ((await res.json()) as { counts: CampaignCounts }).counts;
}

beforeAll(async () => {
  await session.launch();
  manager = await session.newPage();
  person = await session.newPage({ width: 375, height: 800 });
});
afterAll(() => session.close());

describe('Campagne de reprise de contact : des personnes perdues de vue au rendez-vous pris', () => {
  it('la responsable voit les alertes de sa structure', async () => {
    await loginAs(manager, 'Nadia Haddad');
    await visit(manager, '/revue');
    await expectHeading(manager, 'Alertes de ma structure');
    await expect
      .poll(() => manager.locator('table').getByText('Perdu·e de vue').first().isVisible())
      .toBe(true);
  });

  it('elle prépare la campagne : personnes visées, message, créneau, puis la lance d’un double clic', async () => {
    await visit(manager, '/campagnes/nouvelle');
    await manager.getByRole('heading', { name: 'Qui inviter ?' }).waitFor();
    await manager.getByRole('button', { name: 'Voir combien de personnes' }).click();
    const preview = manager.getByText(/\d+ personnes recevront l’invitation/).first();
    await preview.waitFor();
    const people = Number(((await preview.textContent()) ?? '').replace(/\D+/g, ' ').trim().split(' ')[0]);
    expect(people, 'about 200 people lost from view at the ALI').toBeGreaterThanOrEqual(200);
    const slot = manager.getByRole('group', { name: /^Créneau 1/ });
    await slot.getByLabel(/^Date/).fill(addDays(parisToday(), 8));
    await slot.getByLabel(/^Heure/).fill('09:30');
    await slot.getByLabel(/^Nombre de places/).fill('20');
    await slot.getByLabel(/^Lieu/).fill('Agence locale d’insertion, 2 rue de la République, Bobigny');
    const professional = slot.getByLabel(/^Professionnel·le qui reçoit/);
    if (!(await professional.inputValue())) {
      const value = await professional.locator('option:not([value=""])').first().getAttribute('value');
      await professional.selectOption(value ?? '');
    }
    await manager.getByLabel(/^Nom de la campagne/).fill(NAME);
    await expectNoAxeViolations(manager, 'campagne prête');
    await manager.getByRole('button', { name: 'Lancer la campagne' }).dblclick();
    await expectHeading(manager, NAME);
    campaignId = new URL(manager.url()).pathname.split('/').pop() ?? '';
    await expect.poll(() => message(manager, 'La campagne est lancée.').isVisible()).toBe(true);
    // The double click made one campaign.
    const list = await manager.request.get('/api/campaigns?limit=100');
    const items = ((await list.json()) as { items: { name: string }[] }).items;
    expect(items.filter((c) => c.name === NAME)).toHaveLength(1);
    await expectNoAxeViolations(manager, 'bilan au lancement');
  });

  it('le worker envoie les invitations ; les numéros invalides sont « injoignables »', async () => {
    await expect
      .poll(async () => (await counts(manager)).sent, { timeout: 60_000, interval: 1000 })
      .toBeGreaterThanOrEqual(200);
    await expect
      .poll(async () => (await counts(manager)).unreachable, { timeout: 30_000, interval: 1000 })
      .toBeGreaterThan(0);
  });

  it('une personne ouvre le lien reçu par SMS et choisit le créneau', async () => {
    await visit(manager, '/demo/boite-de-reception');
    const table = manager.getByRole('table', { name: 'Messages qui auraient été envoyés' });
    const rows = table.locator('tbody tr').filter({ hasText: '/rdv/' });
    await reloadUntil(manager, async () => (await rows.count()) > 0);
    const text = (await rows.first().textContent()) ?? '';
    const code = /\/rdv\/([A-Z0-9]{12})/.exec(text)?.[1];
    expect(code, 'an invitation link in the SMS').toBeTruthy();
    await visit(person, `/rdv/${code}`);
    await expectHeading(person, /^Bonjour .+, vous êtes invité·e à un rendez-vous$/);
    const slots = person.getByRole('group', { name: 'Quel moment vous convient ?' });
    await checkByLabel(slots.getByRole('radio').first());
    await person.getByRole('button', { name: 'Je choisis ce rendez-vous' }).click();
    await expectHeading(person, 'Votre rendez-vous est réservé');
    await expectNoAxeViolations(person, 'rendez-vous réservé');
  });

  it('le bilan montre la réponse et le rendez-vous pris', async () => {
    await expect
      .poll(async () => (await counts(manager)).booked, { timeout: 30_000, interval: 1000 })
      .toBe(1);
    await visit(manager, `/campagnes/${campaignId}`);
    await expectHeading(manager, NAME);
    await manager.getByRole('heading', { name: 'Chiffres clés' }).waitFor();
    await expectNoAxeViolations(manager, 'bilan');
    await visit(manager, '/campagnes');
    await expectHeading(manager, 'Campagnes de remobilisation');
  });
});
