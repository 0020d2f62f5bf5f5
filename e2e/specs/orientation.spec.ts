import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  checkByLabel,
  expectHeading,
  expectNoAxeViolations,
  expectPath,
  loginAs,
  message,
  pageHeading,
  reloadUntil,
  visit,
} from '../support/browser';

const ALI_BOBIGNY = "Agence locale d'insertion de Bobigny – Drancy";
const FRANCE_TRAVAIL = 'France Travail — Agence de Bobigny';
const DECISION_PATH = /^\/personnes\/([0-9a-f-]{36})\/orientation\/[0-9a-f-]{36}\/decision$/;

const session = new BrowserSession();
let manager: Page;
let aliManager: Page;
let referent: Page;
let personName = '';
let personId = '';

beforeAll(async () => {
  await session.launch();
  manager = await session.newPage();
  aliManager = await session.newPage();
  referent = await session.newPage();
});
afterAll(() => session.close());

/** Chooses the option whose text starts with `text` (options may add the commune after a dash). */
async function selectOptionStartingWith(select: Locator, text: string) {
  const option = select.locator('option').filter({ hasText: text }).first();
  await option.waitFor({ state: 'attached' });
  await select.selectOption((await option.getAttribute('value')) ?? '');
}

describe('Orientation : de la file « À orienter » à la réorientation', () => {
  it('la chargée d’orientation voit les personnes en retard en premier et en oriente une vers une ALI', async () => {
    await loginAs(manager, 'Yacine Benali');
    await visit(manager, '/orientations/a-orienter');
    await expectHeading(manager, 'Personnes à orienter');
    const table = manager.getByRole('table', { name: 'Personnes à orienter' });
    const first = table.locator('tbody tr').first();
    await first.waitFor();
    await expect.poll(() => first.textContent()).toMatch(/En retard de \d+ jours?/);
    const link = first.getByRole('link', { name: /^Orienter / });
    personName = ((await link.getAttribute('aria-label')) ?? (await link.textContent()) ?? '')
      .replace(/^Orienter\s*/, '')
      .trim();
    expect(personName).not.toBe('');
    await link.click();
    await expectPath(manager, DECISION_PATH);
    personId = DECISION_PATH.exec(new URL(manager.url()).pathname)?.[1] ?? '';
    await expectNoAxeViolations(manager, 'décision');

    // The recommended path is pre-selected when there is one; otherwise choose the socio-professional path.
    const pathGroup = manager.getByRole('group', { name: /^Parcours/ }).first();
    const checked = pathGroup.locator('input[type="radio"]:checked');
    if ((await checked.count()) === 0)
      await checkByLabel(pathGroup.getByRole('radio', { name: /^Socio-professionnel/ }));
    await checkByLabel(manager.getByRole('radio', { name: 'Département ou son délégataire', exact: true }));
    await selectOptionStartingWith(manager.getByLabel('Organisme référent *', { exact: true }), ALI_BOBIGNY);
    await manager
      .getByLabel('Motif de la décision *')
      .fill('Accompagnement global proposé par l’ALI, proche du domicile.');
    await manager.getByRole('button', { name: 'Décider l’orientation', exact: true }).click();
    await expect
      .poll(() =>
        message(manager, /est décidée : le courrier à la personne est en cours de préparation/).isVisible(),
      )
      .toBe(true);
    await expectPath(manager, `/personnes/${personId}/orientation`);
    await reloadUntil(manager, () =>
      manager.getByRole('link', { name: 'Télécharger le courrier d’orientation (PDF)' }).first().isVisible(),
    );
    await expectNoAxeViolations(manager, 'orientation décidée et notifiée');
  });

  it('le courrier part dans la boîte de réception de démonstration, et la structure est prévenue', async () => {
    await visit(manager, '/demo/boite-de-reception');
    expect(await pageHeading(manager)).toBe('Boîte de réception de démonstration');
    const table = manager.getByRole('table', { name: 'Messages qui auraient été envoyés' });
    await reloadUntil(manager, () => table.isVisible());
    const toPerson = table
      .locator('tbody tr')
      .filter({ hasText: /Décision d’orientation \(courrier postal à envoyer\)|Votre accompagnement RSA/ });
    const toStructure = table
      .locator('tbody tr')
      .filter({ hasText: 'Une personne orientée vers votre structure' });
    await reloadUntil(manager, async () => (await toPerson.count()) > 0 && (await toStructure.count()) > 0);
  });

  it('la responsable de l’ALI désigne le référent unique depuis « À affecter »', async () => {
    await loginAs(aliManager, 'Nadia Haddad');
    await visit(aliManager, '/orientations/a-affecter');
    await expectHeading(aliManager, 'Personnes à affecter');
    const form = aliManager.getByRole('form', { name: `Désigner le ou la référent·e de ${personName}` });
    await form.waitFor();
    await form.getByRole('combobox').selectOption({ label: 'Thomas Girard' });
    await form.getByRole('button', { name: /^Désigner/ }).click();
    await expect
      .poll(() =>
        message(aliManager, `Thomas Girard est désigné·e référent·e unique de ${personName}.`).isVisible(),
      )
      .toBe(true);
    await expectNoAxeViolations(aliManager, 'référent désigné');
  });

  it('le référent trouve le courrier dans les documents et demande une réorientation vers France Travail', async () => {
    await loginAs(referent, 'Thomas Girard');
    await visit(referent, `/personnes/${personId}/documents`);
    await expect
      .poll(() => referent.getByText('Courrier envoyé à la personne').first().isVisible())
      .toBe(true);
    await visit(referent, `/personnes/${personId}/orientation`);
    await referent.getByRole('button', { name: 'Demander une réorientation', exact: true }).click();
    const form = referent.locator('form', { hasText: 'Motif de la demande' });
    await checkByLabel(form.getByRole('radio', { name: 'Emploi', exact: true }));
    await form.getByLabel('Type d’organisme proposé (facultatif)').selectOption({ label: 'France Travail' });
    await selectOptionStartingWith(
      form.getByLabel('Organisme proposé (facultatif)', { exact: true }),
      FRANCE_TRAVAIL,
    );
    await form
      .getByLabel('Motif de la demande *')
      .fill('Projet professionnel validé, prêt pour une recherche d’emploi active.');
    await expectNoAxeViolations(referent, 'demande de réorientation');
    await form.getByRole('button', { name: 'Envoyer la demande', exact: true }).click();
    await expect
      .poll(() =>
        message(referent, /La demande de réorientation est envoyée à la cellule d’orientation/).isVisible(),
      )
      .toBe(true);
  });

  it('la chargée d’orientation accepte : les deux orientations et chaque étape sont visibles', async () => {
    await visit(manager, '/orientations/reorientations');
    const table = manager.getByRole('table', { name: /Demandes de réorientation à traiter/ });
    const row = table.locator('tbody tr').filter({ hasText: personName });
    await row.first().waitFor();
    await row
      .first()
      .getByRole('link', { name: /^Accepter/ })
      .click();
    await expectPath(
      manager,
      new RegExp(`^/personnes/${personId}/orientation/reorientations/[0-9a-f-]{36}$`),
    );
    await expectNoAxeViolations(manager, 'accepter la réorientation');
    const reason = manager.getByLabel('Motif de la décision *');
    if (!(await reason.inputValue()))
      await reason.fill('Réorientation vers France Travail à la demande du référent.');
    await manager
      .getByRole('button', { name: 'Accepter et décider la nouvelle orientation', exact: true })
      .click();
    await expect
      .poll(() => message(manager, /est acceptée : la nouvelle orientation est décidée/).isVisible())
      .toBe(true);

    await visit(manager, `/personnes/${personId}/orientation`);
    const history = manager.getByText(/^Orientation du \d{2}\/\d{2}\/\d{4} : parcours /);
    await reloadUntil(manager, async () => (await history.count()) >= 2);
    await expectNoAxeViolations(manager, 'historique des orientations');

    await visit(referent, `/personnes/${personId}/parcours`);
    const steps = [
      /Orientation décidée : parcours .*Agence locale d.insertion de Bobigny/,
      /Décision d’orientation notifiée/,
      /Référent·e unique désigné·e : Thomas Girard/,
      /Réorientation demandée vers le parcours emploi/,
      /Réorientation acceptée : parcours emploi, France Travail — Agence de Bobigny/,
    ];
    for (const step of steps) {
      await reloadUntil(referent, () => referent.getByText(step).first().isVisible());
    }
  });
});
