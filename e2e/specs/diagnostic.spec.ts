import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  checkByLabel,
  expectNoAxeViolations,
  expectPath,
  loginAs,
  waitForPageReady,
  waitUntil,
} from '../support/browser';

const ALI_BOBIGNY = /Agence locale d.insertion de Bobigny/;
const SSD_BOBIGNY = /Service social départemental/;

const session = new BrowserSession();
let thomas: Page;
let aminata: Page;
let personPath = '';

beforeAll(async () => {
  await session.launch();
  thomas = await session.newPage();
  aminata = await session.newPage();
});
afterAll(() => session.close());

interface Overview {
  versions: { version: number; jointlyValidated: boolean; authors: { name: string }[] }[];
}

/**
 * The demo person whose latest diagnostic Thomas Girard (ALI, emploi) and Aminata Diallo (service
 * social, social) signed together: found through the API with Thomas's own session.
 */
async function jointlyDiagnosedPerson(page: Page): Promise<string> {
  const caseload = await page.request.get('/api/people/caseload?limit=300');
  expect(caseload.ok()).toBe(true);
  const { items } = (await caseload.json()) as { items: { id: string }[] };
  for (const { id } of items) {
    const response = await page.request.get(`/api/people/${id}/diagnostics`);
    if (!response.ok()) continue;
    const overview = (await response.json()) as Overview;
    const latest = overview.versions[0];
    if (latest?.jointlyValidated && latest.authors.some((a) => /Diallo/.test(a.name))) return id;
  }
  throw new Error('No jointly validated demo diagnostic in Thomas Girard’s caseload');
}

async function nextStep(page: Page, step: number) {
  await page.getByRole('button', { name: 'Étape suivante', exact: true }).click();
  await waitUntil(
    async () => (await page.getByText(`Étape ${step} sur 6`).count()) > 0,
    `step ${step} of the diagnostic form`,
  );
  await expectNoAxeViolations(page, `étape ${step}`);
}

describe('Diagnostic conjoint et nouvelle version', () => {
  it('montre les deux auteurs d’un diagnostic validé conjointement par deux structures', async () => {
    await loginAs(thomas, 'Thomas Girard');
    const id = await jointlyDiagnosedPerson(thomas);
    personPath = `/personnes/${id}`;
    await thomas.goto(`${personPath}/diagnostic`);
    await waitForPageReady(thomas);
    await thomas.locator('main h2', { hasText: 'Diagnostic' }).first().waitFor();
    await thomas.locator('main h3', { hasText: /^Diagnostic en vigueur : version \d+$/ }).waitFor();
    await expect.poll(() => thomas.getByText('Validé conjointement').first().isVisible()).toBe(true);
    const authors = thomas.locator('main').getByText(/Girard|Diallo/);
    await expect.poll(async () => (await authors.allInnerTexts()).join(' ')).toMatch(ALI_BOBIGNY);
    await expect.poll(async () => (await authors.allInnerTexts()).join(' ')).toMatch(SSD_BOBIGNY);
    await expectNoAxeViolations(thomas, 'diagnostic conjoint');
  });

  it('crée une nouvelle version en étapes, puis montre ce qui a changé', async () => {
    await thomas.getByRole('button', { name: 'Mettre à jour le diagnostic', exact: true }).click();
    await waitUntil(async () => (await thomas.getByText('Étape 1 sur 6').count()) > 0, 'step 1 of the form');
    await expectNoAxeViolations(thomas, 'étape 1');
    await nextStep(thomas, 2);
    // Change the mobility impact to a level it does not have yet.
    const group = thomas.getByRole('group', { name: /^Mobilité : impact sur le retour à l’emploi/ });
    const strong = group.getByRole('radio', { name: 'Impact fort', exact: true });
    const target = (await strong.isChecked())
      ? group.getByRole('radio', { name: 'Impact moyen', exact: true })
      : strong;
    const targetLabel = (await target.isChecked()) ? '' : ((await target.getAttribute('value')) ?? '');
    expect(targetLabel).not.toBe('');
    await checkByLabel(target);
    for (const step of [3, 4, 5, 6]) await nextStep(thomas, step);
    const field = thomas.getByRole('radio', { name: 'Professionnel·le du champ de l’emploi', exact: true });
    if (!(await field.isChecked())) await checkByLabel(field);
    await thomas.getByRole('button', { name: 'Valider le diagnostic', exact: true }).click();
    await expect
      .poll(() => thomas.getByText(/Le diagnostic est validé : version \d+\./).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    await expectPath(thomas, (p) => p.startsWith(`${personPath}/diagnostic`));
    await expect.poll(() => thomas.getByText('En attente de co-signature').first().isVisible()).toBe(true);
    // The comparison (previous → latest by default) names the mobility change.
    const changes = thomas.getByRole('table', { name: /^Freins : changements de la version/ });
    await changes.waitFor();
    await expect.poll(async () => changes.textContent()).toMatch(/Mobilité/);
    await expect.poll(async () => changes.textContent()).toMatch(/Impact (fort|moyen)/);
    await expectNoAxeViolations(thomas, 'comparaison des versions');
  });

  it('la travailleuse sociale co-signe la nouvelle version : elle redevient conjointe', async () => {
    await loginAs(aminata, 'Aminata Diallo');
    await aminata.goto(`${personPath}/diagnostic`);
    await waitForPageReady(aminata);
    await aminata.getByRole('button', { name: 'Co-signer ce diagnostic', exact: true }).click();
    await expect.poll(() => aminata.getByText('Vous avez co-signé ce diagnostic.').isVisible()).toBe(true);
    await expect.poll(() => aminata.getByText('Validé conjointement').first().isVisible()).toBe(true);
    await expectNoAxeViolations(aminata, 'co-signé');
  });
});
