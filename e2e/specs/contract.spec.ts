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
 * The acceptance journey: after the orientation, the référent builds the plan from the
 * diagnostic's needs, records a childcare waiver, proposes the contract and sends the signature
 * link; the person opens it from the demo inbox, confirms with the code and signs; the PDF
 * appears; hours recorded over several weeks show planned vs done. The demo territory's person
 * « oriented, notified, diagnostic done, no contract yet » (demoContracts.ts, c01) is the start.
 */
const session = new BrowserSession();
let referent: Page;
let person: Page;
let personId = '';
let signatureUrl = '';

const DAY = 86_400_000;
/** Today in Paris as YYYY-MM-DD. */
const parisToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const mondayOf = (iso: string) => addDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));
const fr = (iso: string) => iso.split('-').reverse().join('/');

const today = parisToday();
const thisMonday = mondayOf(today);
const contractStart = addDays(thisMonday, -21);
const waiverEnd = addDays(today, 60);

beforeAll(async () => {
  await session.launch();
  referent = await session.newPage();
  person = await session.newPage({ width: 375, height: 800 });
});
afterAll(() => session.close());

/** The newest demo-inbox message whose subject is `subject`, as text. */
async function inboxMessage(page: Page, subject: string): Promise<string> {
  await visit(page, '/demo/boite-de-reception');
  const table = page.getByRole('table', { name: 'Messages qui auraient été envoyés' });
  const rows = table.locator('tbody tr').filter({ hasText: subject });
  await reloadUntil(page, async () => (await rows.count()) > 0);
  return (await rows.first().textContent()) ?? '';
}

describe('Contrat d’engagement : du plan d’action à la signature à distance et aux heures', () => {
  it('le référent trouve la personne dans « Contrats à signer » et commence son contrat', async () => {
    await loginAs(referent, 'Thomas Girard');
    await visit(referent, '/contrats');
    await expectHeading(referent, 'Contrats à signer ou à réviser');
    const table = referent.getByRole('table', { name: 'Contrats à signer' });
    await table.locator('tbody tr').first().waitFor();
    // The person without a contract yet: no status in the « État » column of their row.
    const res = await referent.request.get('/api/contracts/worklist?list=a_signer&limit=200');
    const items = ((await res.json()) as { items: { personId: string; contractId: string | null }[] }).items;
    // The person without a contract yet whose diagnostic found a housing need (demo c01).
    for (const item of items.filter((i) => i.contractId === null)) {
      const needs = await referent.request.get(`/api/people/${item.personId}/contracts/needs`);
      const body = (await needs.json()) as { needs: { theme: string }[] };
      if (body.needs.some((n) => n.theme === 'logement')) {
        personId = item.personId;
        break;
      }
    }
    expect(personId, 'a person to sign, without a contract yet, with a housing need').not.toBe('');
    await referent.locator(`a[href="/personnes/${personId}/contrat"]`).first().click();
    await expect.poll(() => referent.title()).toMatch(/^Contrat & plan d’action — /);
    await expect.poll(() => referent.getByText('Pas encore de contrat d’engagement').isVisible()).toBe(true);
    await expectNoAxeViolations(referent, 'sans contrat');

    await referent.getByLabel(/^Date de début/).fill(contractStart);
    await expect.poll(() => referent.getByLabel(/^Heures d’activité par semaine/).inputValue()).toBe('15');
    await referent.getByRole('button', { name: 'Commencer le contrat d’engagement' }).click();
    await expect.poll(() => referent.getByText('Brouillon').first().isVisible()).toBe(true);
    await expectNoAxeViolations(referent, 'brouillon');
  });

  it('il construit le plan à partir des besoins du diagnostic et note une dispense pour garde d’enfant', async () => {
    // Objective from the diagnostic: the first suggestion of the housing need.
    await referent.getByRole('button', { name: 'Ajouter un objectif' }).click();
    const objectiveForm = referent.getByRole('form', { name: 'Ajouter un objectif' });
    await objectiveForm.waitFor();
    const fromDiagnostic = objectiveForm.getByRole('radio', { name: 'À partir du diagnostic' });
    if (!(await fromDiagnostic.isChecked())) await checkByLabel(fromDiagnostic);
    const housing = objectiveForm.getByRole('group', { name: /^Logement/ });
    await checkByLabel(housing.getByRole('radio').first());
    await objectiveForm.getByRole('button', { name: 'Ajouter l’objectif' }).click();
    await expect
      .poll(() =>
        referent
          .getByText(/Répond au besoin : Logement/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    // An action from the territory's list, running since the contract's start.
    await referent
      .getByRole('button', { name: /^Ajouter une action/ })
      .first()
      .click();
    const actionForm = referent.locator('form', { hasText: 'Début prévu' }).first();
    const actionSelect = actionForm.getByLabel(/^Action/).first();
    const firstAction = actionSelect.locator('option').nth(1);
    await firstAction.waitFor({ state: 'attached' });
    await actionSelect.selectOption((await firstAction.getAttribute('value')) ?? '');
    await actionForm.getByLabel(/^Début prévu/).fill(contractStart);
    await actionForm.getByLabel(/^Heures par semaine/).fill('10');
    await actionForm.getByRole('button', { name: 'Ajouter l’action' }).click();
    const actions = referent.getByRole('table', { name: /^Actions de l’objectif/ }).first();
    await actions.locator('tbody tr').first().waitFor();

    // The waiver: lone parent without childcare, from today for two months.
    await referent.getByRole('button', { name: 'Réduire ou dispenser l’activité' }).click();
    const adjustmentForm = referent.locator('form', { hasText: 'Motif légal' }).first();
    await checkByLabel(adjustmentForm.getByRole('radio', { name: /Dispense/ }));
    const ground = adjustmentForm.getByLabel(/^Motif légal/);
    if ((await ground.evaluate((el) => el.tagName)) === 'SELECT')
      await ground.selectOption({ label: 'Parent isolé sans solution de garde' });
    else
      await checkByLabel(adjustmentForm.getByRole('radio', { name: 'Parent isolé sans solution de garde' }));
    await adjustmentForm.getByLabel(/^Du/).fill(today);
    await adjustmentForm.getByLabel(/^Jusqu’au/).fill(waiverEnd);
    await adjustmentForm.getByRole('button', { name: 'Enregistrer l’aménagement' }).click();
    const adjustments = referent.getByRole('table').filter({ hasText: 'Jusqu’au' }).first();
    await expect.poll(async () => (await adjustments.textContent()) ?? '').toContain(fr(waiverEnd));
    await expectNoAxeViolations(referent, 'plan construit');
  });

  it('il propose le contrat et envoie le lien de signature par SMS', async () => {
    await referent.getByRole('button', { name: 'Proposer le contrat à la personne' }).click();
    await expect.poll(() => referent.getByText('Proposé à la personne').first().isVisible()).toBe(true);
    await referent.getByRole('button', { name: 'Envoyer le lien de signature' }).click();
    await expect.poll(() => message(referent, /Lien envoyé par SMS/).isVisible()).toBe(true);
    await expectNoAxeViolations(referent, 'lien envoyé');

    const text = await inboxMessage(referent, 'Votre contrat d’engagement à signer');
    const path = /\/signature\/([A-Za-z0-9_-]{20,})/.exec(text)?.[0];
    expect(path, text).toBeDefined();
    signatureUrl = path ?? '';
  });

  it('la personne ouvre le lien, reçoit un code, lit son contrat et signe', async () => {
    await person.goto(signatureUrl);
    await expectHeading(person, /^Bonjour /);
    await expectNoAxeViolations(person, 'lien de signature');
    await person.getByRole('button', { name: 'Recevoir un code' }).click();
    await expectHeading(person, 'Saisissez le code à 6 chiffres');
    await expectNoAxeViolations(person, 'saisie du code');

    const text = await inboxMessage(referent, 'Votre code pour signer votre contrat');
    const code = /\b(\d{6})\b/.exec(text)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code first: refused on the field, nothing signed.
    await person.getByLabel('Code reçu').fill(code === '000000' ? '111111' : '000000');
    await person.getByRole('button', { name: 'Valider le code' }).click();
    await expect
      .poll(() =>
        person
          .getByText(/Code incorrect/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    await person.getByLabel('Code reçu').fill(code);
    await person.getByRole('button', { name: 'Valider le code' }).click();
    await expectHeading(person, 'Votre contrat d’engagement');
    for (const section of ['Ce à quoi je m’engage', 'Mon activité chaque semaine', 'Mes droits'])
      expect(await person.getByRole('heading', { name: section }).isVisible()).toBe(true);
    await expectNoAxeViolations(person, 'résumé du contrat');
    await checkByLabel(
      person.getByRole('checkbox', { name: 'J’ai lu mon contrat et je m’engage à le respecter' }),
    );
    await person.getByRole('button', { name: 'Je signe mon contrat' }).click();
    await expectHeading(person, 'Votre contrat est signé');
    await expectNoAxeViolations(person, 'contrat signé');
  });

  it('le lien déjà utilisé, ou inconnu, explique quoi faire et ne signe rien', async () => {
    await person.goto(signatureUrl);
    await expectHeading(person, 'Ce contrat est déjà signé');
    await expectNoAxeViolations(person, 'lien utilisé');
    await person.goto('/signature/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await expectHeading(person, 'Ce lien n’existe pas');
    await expectNoAxeViolations(person, 'lien inconnu');
  });

  it('le contrat signé est actif, son PDF est rangé dans les documents', async () => {
    await visit(referent, `/personnes/${personId}/contrat`);
    await expect.poll(() => referent.getByText('Actif').first().isVisible()).toBe(true);
    await reloadUntil(referent, () =>
      referent
        .getByRole('link', { name: /Télécharger le contrat signé \(PDF\)/ })
        .first()
        .isVisible(),
    );
    await visit(referent, `/personnes/${personId}/documents`);
    await expect
      .poll(() =>
        referent
          .getByText(/contrat-engagement/)
          .first()
          .isVisible(),
      )
      .toBe(true);
  });

  it('les heures saisies sur plusieurs semaines montrent le prévu et le réalisé, la dispense est visible', async () => {
    await visit(referent, `/personnes/${personId}/contrat`);
    await expect
      .poll(() =>
        referent
          .getByText(`Dispense jusqu’au ${fr(waiverEnd)}`, { exact: false })
          .first()
          .isVisible(),
      )
      .toBe(true);
    const weeks: [string, string, boolean][] = [
      [addDays(thisMonday, -14), '12', false],
      [addDays(thisMonday, -7), '9,5', true],
    ];
    for (const [monday, hours, declared] of weeks) {
      const select = referent.getByRole('combobox', { name: /^Semaine/ });
      await select.locator('option').first().waitFor({ state: 'attached' });
      const labels = await select.locator('option').allTextContents();
      const label = labels.find((l) => l.startsWith(`Semaine du ${fr(monday)}`));
      expect(label, labels.join(' | ')).toBeDefined();
      await select.selectOption({ label: label ?? '' });
      const row = referent
        .locator('fieldset')
        .filter({ has: referent.getByLabel('Heures réalisées') })
        .first();
      await row.getByLabel('Heures réalisées').fill(hours);
      if (declared) await checkByLabel(row.getByRole('checkbox', { name: 'Déclaré par la personne' }));
      await row.getByRole('button', { name: /^Enregistrer les heures/ }).click();
      await expect.poll(() => message(referent, /Heures enregistrées/).isVisible()).toBe(true);
    }
    const table = referent.getByRole('table', { name: 'Activité des 12 dernières semaines' });
    const rowOf = (monday: string) =>
      table
        .locator('tbody tr')
        .filter({ hasText: fr(monday) })
        .first();
    await expect
      .poll(async () => (await rowOf(addDays(thisMonday, -14)).textContent()) ?? '')
      .toMatch(/12\s?h/);
    await expect
      .poll(async () => (await rowOf(addDays(thisMonday, -7)).textContent()) ?? '')
      .toMatch(/9,5\s?h/);
    // Planned 10 h a week from the start; 15 h expected before the waiver, none during it.
    expect(await rowOf(addDays(thisMonday, -14)).textContent()).toMatch(/10\s?h/);
    expect(await rowOf(thisMonday).textContent()).toMatch(/dispense/);
    await expectNoAxeViolations(referent, 'heures saisies');
  });
});
