import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  checkByLabel,
  expectHeading,
  expectNoAxeViolations,
  expectPath,
  loginAs,
  message,
  reloadUntil,
  visit,
} from '../support/browser';

/**
 * The acceptance journey for referrals: the référent prescribes the « Permis de conduire
 * solidaire » to a person with a running contract (demo c02, Drancy), sends the link to the
 * association (no account on SPIE); the association opens it logged out, accepts, notes the entry
 * (Monday of last week: hours are refused before the entry's week) and last week's hours; back on
 * the person's record, the referral is « En cours », the timeline
 * shows each step and the contract's weekly activity counts the hours.
 */
const session = new BrowserSession();
let referent: Page;
let structure: Page;
let personId = '';
let referralId = '';
let linkPath = '';
let doneBefore = 0;

const SERVICE_ID = 'spie-93--permis-solidaire';
const SERVICE_NAME = 'Permis de conduire solidaire';
const DAY = 86_400_000;
const parisToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const mondayOf = (iso: string) => addDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));
const fr = (iso: string) => iso.split('-').reverse().join('/');
const hoursText = (hours: number) => `${hours.toLocaleString('fr-FR', { maximumFractionDigits: 2 })} h`;

const today = parisToday();
const lastMonday = addDays(mondayOf(today), -7);

beforeAll(async () => {
  await session.launch();
  referent = await session.newPage();
  // The association opens the link in its own browser: no account, no session.
  structure = await session.newPage({ width: 375, height: 800 });
});
afterAll(() => session.close());

async function doneHoursLastWeek(page: Page): Promise<number> {
  const res = await page.request.get(`/api/people/${personId}/weekly-activity`);
  const body = (await res.json()) as { weeks?: { weekStart: string; doneHours: number }[] };
  return body.weeks?.find((w) => w.weekStart === lastMonday)?.doneHours ?? 0;
}

/** The newest demo-inbox message whose subject is `subject`, as text. */
async function inboxMessage(page: Page, subject: string): Promise<string> {
  await visit(page, '/demo/boite-de-reception');
  const table = page.getByRole('table', { name: 'Messages qui auraient été envoyés' });
  const rows = table.locator('tbody tr').filter({ hasText: subject });
  await reloadUntil(page, async () => (await rows.count()) > 0);
  return (await rows.first().textContent()) ?? '';
}

describe('Prescription suivie jusqu’aux heures de présence', () => {
  it('le référent ouvre la personne et voit les offres qui lui correspondent', async () => {
    await loginAs(referent, 'Thomas Girard');
    // The person of his caseload living in Drancy with a running contract (demo c02).
    const res = await referent.request.get('/api/people/caseload?limit=200');
    const people = ((await res.json()) as { items: { id: string; communeName: string | null }[] }).items;
    // Prefer the one whose suggested offers include the driving licence (diagnostic with a mobility need).
    let fallback = '';
    for (const candidate of people.filter((p) => p.communeName === 'Drancy')) {
      const contracts = await referent.request.get(`/api/people/${candidate.id}/contracts`);
      const body = (await contracts.json()) as { current: { status: string } | null };
      if (body.current?.status !== 'actif') continue;
      fallback ||= candidate.id;
      const offers = await referent.request.get(`/api/people/${candidate.id}/offers`);
      const items = ((await offers.json()) as { items?: { id: string }[] }).items ?? [];
      if (items.some((item) => item.id === SERVICE_ID)) {
        personId = candidate.id;
        break;
      }
    }
    personId ||= fallback;
    expect(personId, 'a person living in Drancy with an active contract').not.toBe('');
    doneBefore = await doneHoursLastWeek(referent);

    await visit(referent, `/personnes/${personId}`);
    await referent.locator('.fr-sidemenu').getByRole('link', { name: 'Prescriptions', exact: true }).click();
    await expectPath(referent, `/personnes/${personId}/prescriptions`);
    await expect.poll(() => referent.title()).toMatch(/^Prescriptions — /);
    await expect
      .poll(() => referent.getByRole('heading', { name: 'Offres pour cette personne' }).isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        referent
          .getByText(/^D’après /)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expectNoAxeViolations(referent, 'offres pour la personne');
  });

  it('il prescrit le permis solidaire avec le motif, le besoin de mobilité et l’accord de la personne', async () => {
    const prescribe = referent.getByRole('link', { name: `Prescrire « ${SERVICE_NAME} »` });
    if ((await prescribe.count()) > 0) {
      await prescribe.first().click();
    } else {
      // Not among the suggestions: the référent would find it through the search.
      await visit(referent, `/personnes/${personId}/prescriptions/nouvelle?service=${SERVICE_ID}`);
    }
    await expectPath(referent, `/personnes/${personId}/prescriptions/nouvelle`);
    await expect.poll(() => referent.getByRole('heading', { name: SERVICE_NAME }).isVisible()).toBe(true);
    await expectNoAxeViolations(referent, 'nouvelle prescription');

    await referent
      .getByLabel(/^Pourquoi cette orientation/)
      .fill('Le permis lui permettrait d’accepter un poste d’aide à domicile chez des particuliers.');
    const mobility = referent.getByRole('checkbox', { name: /mobilit/i });
    if ((await mobility.count()) > 0) await checkByLabel(mobility.first());
    // Submitting without the consent is refused next to the box.
    await referent.getByRole('button', { name: 'Envoyer la prescription' }).click();
    await expect
      .poll(() =>
        referent
          .getByText('L’accord de la personne est obligatoire pour envoyer la prescription.')
          .isVisible(),
      )
      .toBe(true);
    const sessionRadio = referent.getByRole('radio', { name: /^Session d’hiver/ });
    if ((await sessionRadio.count()) > 0) await checkByLabel(sessionRadio);
    await checkByLabel(referent.getByRole('checkbox', { name: /^La personne est d’accord/ }));
    await referent.getByRole('button', { name: 'Envoyer la prescription' }).click();
    await expectPath(referent, /^\/prescriptions\/[0-9a-f-]{36}$/);
    referralId = new URL(referent.url()).pathname.split('/').pop() ?? '';
    await expect.poll(() => message(referent, /La prescription est envoyée/).isVisible()).toBe(true);
    await expect.poll(() => referent.getByText('Envoyée').first().isVisible()).toBe(true);
    await expectNoAxeViolations(referent, 'prescription envoyée');
  });

  it('l’association n’a pas de compte : il lui envoie le lien de réponse', async () => {
    await referent.getByRole('button', { name: 'Envoyer le lien à la structure' }).click();
    await expect.poll(() => message(referent, /Lien envoyé à/).isVisible()).toBe(true);
    await expectNoAxeViolations(referent, 'lien envoyé');
    const text = await inboxMessage(referent, 'Une prescription attend votre réponse');
    linkPath = /\/prescription\/[A-Za-z0-9_-]{20,}/.exec(text)?.[0] ?? '';
    expect(linkPath, text).not.toBe('');
  });

  it('l’association ouvre le lien sans compte, accepte, note l’entrée et les heures de la semaine passée', async () => {
    await structure.goto(linkPath);
    await expectHeading(structure, /^Prescription pour /);
    expect(await structure.getByText(SERVICE_NAME).first().isVisible()).toBe(true);
    await expectNoAxeViolations(structure, 'lien de prescription');

    await structure.getByRole('button', { name: 'Accepter', exact: true }).click();
    await expect.poll(() => message(structure, 'La personne est acceptée.').isVisible()).toBe(true);
    await expectNoAxeViolations(structure, 'acceptée');

    await structure.getByRole('button', { name: 'Noter l’entrée' }).click();
    await expect.poll(() => structure.getByLabel(/^Date d’entrée/).inputValue()).toBe(today);
    await expectNoAxeViolations(structure, 'formulaire d’entrée');
    // The person started on Monday of last week (hours are accepted from the week of the entry).
    await structure.getByLabel(/^Date d’entrée/).fill(lastMonday);
    await structure.getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => message(structure, 'L’entrée est notée.').isVisible()).toBe(true);

    const week = structure.getByRole('combobox', { name: 'Semaine' });
    await week.selectOption(lastMonday);
    await structure.getByRole('textbox', { name: /^Nombre d’heures de présence/ }).fill('6');
    await structure.getByRole('button', { name: 'Enregistrer les heures' }).click();
    await expect.poll(() => message(structure, /Heures enregistrées : 6 h/).isVisible()).toBe(true);
    const table = structure.getByRole('table', { name: 'Heures de présence par semaine' });
    await expect
      .poll(async () => (await table.locator('tbody tr').first().textContent()) ?? '')
      .toContain(fr(lastMonday));
    await expect.poll(() => structure.getByText('En cours').first().isVisible()).toBe(true);
    await expectNoAxeViolations(structure, 'heures notées');
  });

  it('un lien inconnu explique quoi faire', async () => {
    await structure.goto('/prescription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await expectHeading(structure, 'Ce lien n’existe pas');
    await expectNoAxeViolations(structure, 'lien inconnu');
  });

  it('le référent voit la prescription « En cours », les étapes au parcours et les heures au contrat', async () => {
    await visit(referent, `/prescriptions/${referralId}`);
    await expectHeading(referent, `Prescription — ${SERVICE_NAME}`);
    await expect.poll(() => referent.getByText('En cours').first().isVisible()).toBe(true);
    const rows = referent.getByRole('table', { name: 'Heures de présence par semaine' }).locator('tbody tr');
    await expect.poll(async () => (await rows.first().textContent()) ?? '').toContain('6 h');

    await visit(referent, `/prescriptions?boite=envoyees`);
    await expect
      .poll(() => referent.getByRole('link', { name: new RegExp(SERVICE_NAME) }).count())
      .toBeGreaterThan(0);

    await visit(referent, `/personnes/${personId}/prescriptions`);
    await expect
      .poll(() => referent.getByRole('table', { name: 'Prescriptions de la personne' }).textContent())
      .toContain('En cours');

    await visit(referent, `/personnes/${personId}/parcours`);
    for (const step of [
      `Prescription envoyée : ${SERVICE_NAME}`,
      'Prescription acceptée par',
      `Entrée le ${fr(lastMonday)}`,
    ]) {
      await reloadUntil(referent, () => referent.getByText(step, { exact: false }).first().isVisible());
    }
    await expectNoAxeViolations(referent, 'parcours');

    await visit(referent, `/personnes/${personId}/contrat`);
    const expected = hoursText(doneBefore + 6);
    const activity = referent.getByRole('table', { name: /^Activité des \d+ dernières semaines/ });
    const lastWeek = activity
      .locator('tbody tr')
      .filter({ hasText: fr(lastMonday) })
      .first();
    await reloadUntil(referent, async () => ((await lastWeek.textContent()) ?? '').includes(expected));
    expect(await doneHoursLastWeek(referent)).toBe(doneBefore + 6);
    await expectNoAxeViolations(referent, 'activité du contrat');
  });
});
