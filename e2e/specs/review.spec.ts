import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  expectHeading,
  expectNoAxeViolations,
  loginAs,
  message,
  reloadUntil,
  visit,
} from '../support/browser';

/**
 * The acceptance journey for the référent: « Ma file active » lists the people with open
 * alerts, the most urgent first; the référent acknowledges an alert with a next-step date; records
 * an appointment as « absent » and sees the lost-contact alert appear on the record once the
 * event is processed. The demo territory's person « contacted 20 days ago, appointment two days
 * ago still to record » (server/src/demo/demoReview.ts) is the second start.
 */
const session = new BrowserSession();
let referent: Page;

const DAY = 86_400_000;
const parisToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const today = parisToday();

interface CaseloadRow {
  personId: string;
  displayName: string;
  alerts: { ruleId: string; label: string }[];
}

async function caseload(page: Page, query: string): Promise<CaseloadRow[]> {
  const res = await page.request.get(`/api/review/caseload?${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: CaseloadRow[] }).items;
}

beforeAll(async () => {
  await session.launch();
  referent = await session.newPage();
});
afterAll(() => session.close());

describe('Revue systématique : la file active du référent', () => {
  it('« Ma file active » montre les personnes à suivre, les plus urgentes d’abord', async () => {
    await loginAs(referent, 'Thomas Girard');
    await visit(referent, '/file-active');
    await expectHeading(referent, 'Ma file active');
    const table = referent.getByRole('table', {
      name: 'Personnes de ma file active, les plus urgentes d’abord',
    });
    await table.locator('tbody tr').first().waitFor();
    await expect
      .poll(() =>
        referent
          .getByText(/ont une alerte/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    // Filter by alert type: only people lost from view.
    const ruleSelect = referent.getByLabel('Type d’alerte');
    const option = await ruleSelect
      .locator('option', { hasText: /^Perdu·e de vue/ })
      .first()
      .textContent();
    await ruleSelect.selectOption({ label: option ?? '' });
    await expect.poll(() => table.getByText('Perdu·e de vue').first().isVisible()).toBe(true);
    await expectNoAxeViolations(referent, 'filtrée');
  });

  it('le référent prend en compte une alerte avec la date de la prochaine étape', async () => {
    const lost = await caseload(referent, 'ruleId=lost_contact&limit=5');
    expect(lost.length, 'a person of Girard lost from view').toBeGreaterThan(0);
    const personId = lost[0]?.personId;
    await visit(referent, `/personnes/${personId}`);
    await referent.getByRole('heading', { name: 'Alertes et suivi' }).waitFor();
    await referent.getByRole('button', { name: /^Prendre en compte l’alerte « Perdu·e de vue »/ }).click();
    await referent.getByLabel(/^Ce qui est fait ou prévu/).fill('Appel sans réponse, courrier envoyé.');
    await referent.getByLabel(/^Date de la prochaine étape/).fill(addDays(today, 7));
    await expectNoAxeViolations(referent, 'formulaire de prise en compte');
    await referent.getByRole('button', { name: 'Enregistrer la prise en compte' }).click();
    await expect.poll(() => message(referent, /est prise en compte/).isVisible()).toBe(true);
    await expect.poll(() => referent.getByText('Prise en compte').first().isVisible()).toBe(true);
    await expectNoAxeViolations(referent, 'alerte prise en compte');
  });

  it('un rendez-vous noté « absent » fait apparaître l’alerte « Sans contact »', async () => {
    const all = await caseload(referent, 'show=tous&limit=500');
    // The demo person of this journey: no alert yet, an appointment two days ago still « prévu ».
    let personId = '';
    for (const row of all.filter((r) => r.alerts.length === 0)) {
      const list = await referent.request.get(`/api/people/${row.personId}/appointments`);
      const body = (await list.json()) as { past: { status: string }[] };
      if (body.past.some((a) => a.status === 'prevu')) {
        personId = row.personId;
        break;
      }
    }
    expect(personId, 'a person without alert whose past appointment is still to record').not.toBe('');
    await visit(referent, `/personnes/${personId}/rendez-vous`);
    await referent.getByRole('heading', { name: 'Passés', level: 2 }).waitFor();
    await referent
      .getByRole('button', { name: /^La personne n’est pas venue/ })
      .first()
      .click();
    await referent.getByRole('button', { name: 'Confirmer : la personne n’est pas venue' }).click();
    await expect
      .poll(() => message(referent, 'C’est noté : la personne n’est pas venue.').isVisible())
      .toBe(true);
    await expectNoAxeViolations(referent, 'rendez-vous noté absent');
    await visit(referent, `/personnes/${personId}`);
    const alerts = referent.locator('section, div').filter({
      has: referent.getByRole('heading', { name: 'Alertes en cours' }),
    });
    await reloadUntil(referent, async () => (await alerts.getByText('Sans contact').count()) > 0);
    await expectNoAxeViolations(referent, 'alerte sans contact');
  });

  it('l’agenda du référent se lit au jour et à la semaine', async () => {
    await visit(referent, '/agenda');
    await expectHeading(referent, 'Mon agenda');
    // The DSFR segmented control may ignore a click made before its script has settled (seen once
    // on CI): try again until the radio is checked.
    const day = referent.getByRole('radio', { name: 'Jour' });
    await expect
      .poll(async () => {
        if (!(await day.isChecked())) await day.check({ force: true, timeout: 2_000 }).catch(() => undefined);
        return day.isChecked();
      })
      .toBe(true);
    await expectNoAxeViolations(referent, 'vue jour');
  });
});
