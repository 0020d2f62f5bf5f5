import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  expectNoAxeViolations,
  expectPath,
  loginAs,
  pageHeading,
  visit,
} from '../support/browser';
import { siretPair } from '../support/siret';

const session = new BrowserSession();
let page: Page;

const suffix = Date.now().toString(36);
const siret = siretPair();
const organisationName = `Association Tremplin ${suffix}`;
const renamedOrganisation = `${organisationName} (Montreuil)`;
const account = {
  firstName: 'Zoé',
  lastName: `Vasseur-${suffix}`,
  email: `zoe.vasseur.${suffix}@tremplin.example.fr`,
};
let organisationPath = '';

/** The messages programmatically tied to an input (aria-describedby), i.e. shown next to it. */
async function describedBy(input: Locator): Promise<string[]> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
  const texts: string[] = [];
  for (const id of ids) {
    const element = input.page().locator(`[id="${id}"]`);
    if ((await element.count()) > 0) texts.push(((await element.textContent()) ?? '').trim());
  }
  return texts;
}

/** A row of a table, found by a text it contains. */
function row(table: Locator, text: string): Locator {
  return table.getByRole('row').filter({ hasText: text });
}

beforeAll(async () => {
  await session.launch();
  page = await session.newPage();
});
afterAll(() => session.close());

describe('administration du territoire (Claire Fontaine)', () => {
  it('se connecte comme administratrice du territoire', async () => {
    await loginAs(page, 'Claire Fontaine');
    expect(await pageHeading(page)).toBe('Accueil — Administrateur·rice du territoire');
    await expectNoAxeViolations(page, 'accueil administrateur');
  });

  it('liste les structures du territoire', async () => {
    await page.getByRole('link', { name: 'Structures', exact: true }).first().click();
    await expectPath(page, '/admin/structures');
    expect(await pageHeading(page)).toBe('Structures');
    await expectNoAxeViolations(page);
    const table = page.getByRole('table', { name: 'Structures du territoire' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(5);
  });

  it('refuse un SIRET invalide à côté du champ, puis crée la structure une fois corrigé', async () => {
    await page.getByRole('link', { name: 'Créer une structure' }).click();
    await expectPath(page, '/admin/structures/nouvelle');
    expect(await pageHeading(page)).toBe('Créer une structure');
    await expectNoAxeViolations(page);

    await page.getByLabel('Type de structure *').selectOption({ label: 'Association' });
    await page.getByLabel('Nom *', { exact: true }).fill(organisationName);
    const siretInput = page.getByLabel(/^SIRET/);
    await siretInput.fill(siret.invalid);
    await page.getByLabel('Adresse électronique').fill(`contact.${suffix}@tremplin.example.fr`);
    await page.getByRole('button', { name: 'Créer la structure' }).click();

    const message = 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte.';
    await expect.poll(() => describedBy(siretInput)).toContain(message);
    await expectPath(page, '/admin/structures/nouvelle');
    await expectNoAxeViolations(page, 'SIRET invalide');

    await siretInput.fill(siret.valid);
    await page.getByRole('button', { name: 'Créer la structure' }).click();
    await expectPath(page, /^\/admin\/structures\/[0-9a-f-]{36}$/);
    organisationPath = new URL(page.url()).pathname;
    await expect.poll(() => pageHeading(page)).toBe(`Structure : ${organisationName}`);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'La structure est créée.' }).count())
      .toBe(1);
    await expect.poll(() => describedBy(page.getByLabel(/^SIRET/))).not.toContain(message);
    expect(await page.getByLabel(/^SIRET/).inputValue()).toBe(siret.valid);
    await expectNoAxeViolations(page, 'structure créée');

    await page.goto('/admin/structures');
    await expectNoAxeViolations(page);
    const table = page.getByRole('table', { name: 'Structures du territoire' });
    await expect.poll(() => table.getByRole('link', { name: organisationName, exact: true }).count()).toBe(1);
  });

  it('modifie la structure créée', async () => {
    await page
      .getByRole('table', { name: 'Structures du territoire' })
      .getByRole('link', { name: organisationName, exact: true })
      .click();
    await expectPath(page, organisationPath);
    await expect.poll(() => pageHeading(page)).toBe(`Structure : ${organisationName}`);
    await expectNoAxeViolations(page);

    await page.getByLabel('Nom *', { exact: true }).fill(renamedOrganisation);
    await page.getByLabel('Téléphone').fill('01 48 00 00 00');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: 'Les modifications sont enregistrées.' }).count(),
      )
      .toBe(1);
    await expect.poll(() => pageHeading(page)).toBe(`Structure : ${renamedOrganisation}`);
    await expectNoAxeViolations(page, 'modifications enregistrées');

    await page.reload();
    await expect.poll(() => pageHeading(page)).toBe(`Structure : ${renamedOrganisation}`);
    expect(await page.getByLabel('Téléphone').inputValue()).toBe('01 48 00 00 00');
    await expectNoAxeViolations(page, 'après rechargement');
  });

  it('crée un compte rattaché à la structure, qui apparaît dans la liste des comptes', async () => {
    await visit(page, '/admin/comptes');
    expect(await pageHeading(page)).toBe('Comptes');
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    await expectPath(page, '/admin/comptes/nouveau');
    expect(await pageHeading(page)).toBe('Créer un compte');
    await expectNoAxeViolations(page);

    await page.getByLabel('Prénom *', { exact: true }).fill(account.firstName);
    await page.getByLabel('Nom *', { exact: true }).fill(account.lastName);
    await page.getByLabel(/^Adresse électronique professionnelle/).fill(account.email);
    const organisationSelect = page.getByLabel('Structure *', { exact: true });
    await expect
      .poll(() => organisationSelect.locator('option', { hasText: renamedOrganisation }).count())
      .toBe(1);
    await organisationSelect.selectOption({ label: renamedOrganisation });
    await page.getByLabel('Rôle *', { exact: true }).selectOption({ label: 'Professionnel·le / référent·e' });
    await page.getByRole('button', { name: 'Créer le compte' }).click();

    await expectPath(page, /^\/admin\/comptes\/[0-9a-f-]{36}$/);
    await expect.poll(() => pageHeading(page)).toBe(`Compte de ${account.firstName} ${account.lastName}`);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Le compte est créé.' }).count())
      .toBe(1);
    const memberships = page.getByRole('table', {
      name: `Rattachements de ${account.firstName} ${account.lastName}`,
    });
    await expect.poll(() => row(memberships, renamedOrganisation).count()).toBe(1);
    await expectNoAxeViolations(page, 'compte créé');

    await page.goto('/admin/comptes');
    await expectNoAxeViolations(page);
    const accounts = page.getByRole('table', { name: 'Comptes des professionnels' });
    const accountLink = accounts.getByRole('link', {
      name: `${account.lastName.toUpperCase()} ${account.firstName}`,
      exact: true,
    });
    await expect.poll(() => accountLink.count()).toBe(1);
    const accountRow = row(accounts, account.email);
    await expect.poll(() => accountRow.count()).toBe(1);
    expect(await accountRow.textContent()).toContain(
      `${renamedOrganisation} — Professionnel·le / référent·e`,
    );
  });

  it('change le délai d’orientation du territoire', async () => {
    await visit(page, '/admin/parametres');
    expect(await pageHeading(page)).toBe('Paramètres du territoire');
    const delay = page.getByLabel(/^Délai d.orientation \(en jours\)/);
    const current = Number(await delay.inputValue());
    const next = current === 35 ? 36 : 35;
    await delay.fill(String(next));
    await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Les paramètres sont enregistrés.' }).count())
      .toBe(1);
    await expectNoAxeViolations(page, 'paramètres enregistrés');

    await page.reload();
    await expect
      .poll(async () => Number(await page.getByLabel(/^Délai d.orientation \(en jours\)/).inputValue()))
      .toBe(next);
  });

  it('montre les actions qui viennent d’être faites dans le journal d’audit', async () => {
    await visit(page, '/admin/audit');
    expect(await pageHeading(page)).toBe('Journal d’audit');
    const table = page.getByRole('table', { name: 'Actions enregistrées' });
    for (const action of [
      'territories.createOrganisation',
      'territories.updateOrganisation',
      'territories.createAccount',
      'territories.updateSettings',
    ]) {
      const rows = row(table, action);
      await expect.poll(() => rows.count(), { message: `audit row for ${action}` }).toBeGreaterThanOrEqual(1);
      expect(await rows.first().textContent()).toContain('Claire Fontaine');
    }

    // The filter narrows the log to one action.
    await page.getByRole('textbox', { name: /^Action/ }).fill('territories.createAccount');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect
      .poll(async () => {
        const actions = await table.locator('code').allInnerTexts();
        return actions.length > 0 && actions.every((action) => action === 'territories.createAccount');
      })
      .toBe(true);
    await expectNoAxeViolations(page, 'filtré');
  });

  it('montre le courriel de bienvenue du nouveau compte dans la boîte de réception de démonstration', async () => {
    await visit(page, '/demo/boite-de-reception');
    expect(await pageHeading(page)).toBe('Boîte de réception de démonstration');
    const table = page.getByRole('table', { name: 'Messages qui auraient été envoyés' });
    const welcome = row(table, account.email).filter({ hasText: 'Bienvenue sur SPIE' });
    // The worker delivers the AccountCreated event a moment after the creation: reload until it shows.
    await expect
      .poll(
        async () => {
          if ((await welcome.count()) > 0) return true;
          await page.reload();
          await pageHeading(page);
          return (await welcome.count()) > 0;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
    await welcome.getByText('Bienvenue sur SPIE').click();
    await expect.poll(() => welcome.getByText(`Bonjour ${account.firstName},`).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'courriel ouvert');
  });
});
