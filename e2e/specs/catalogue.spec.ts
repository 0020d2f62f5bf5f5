import { readFile } from 'node:fs/promises';
import path from 'node:path';
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
  visit,
} from '../support/browser';
import { chooseCommune } from '../support/people';

/**
 * The acceptance journey for the catalogue: the territory administration (Claire Fontaine)
 * checks then imports a data·inclusion file of structures, then of services with three broken rows
 * (report shown, good rows in); a référent (Thomas Girard) searches « mobilité » within 10 km of
 * Bobigny, finds the « Permis de conduire solidaire » and reads its page (places, sessions); the
 * export answers. Every page visited is checked with axe.
 */
const session = new BrowserSession();
let admin: Page;
let referent: Page;

const demoDir = path.resolve(import.meta.dirname, '..', '..', 'server', 'data', 'demo');
const structuresFile = path.join(demoDir, 'di-structures-demo.json');
const servicesFile = path.join(demoDir, 'di-services-demo.json');
const SERVICE_NAME = 'Permis de conduire solidaire';

interface ReportRow {
  cells: string[];
}

beforeAll(async () => {
  await session.launch();
  admin = await session.newPage();
  referent = await session.newPage();
});
afterAll(() => session.close());

/**
 * Chooses the file and the kind, clicks `button` and waits for the report; returns the totals
 * and the rows of the report's tables as shown (the browser does not keep the POST's body).
 */
async function runImport(page: Page, kind: 'Des structures' | 'Des services', file: string, button: string) {
  await checkByLabel(page.getByRole('radio', { name: kind }));
  await page.getByLabel(/^Fichier à importer/).setInputFiles(file);
  const response = page.waitForResponse(
    (res) => res.url().includes('/api/catalogue/imports') && res.request().method() === 'POST',
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: button, exact: true }).click();
  const res = await response;
  expect(res.ok(), `import answered ${res.status()}`).toBe(true);
  const heading = button === 'Importer' ? 'Résultat de l’import' : 'Résultat de la vérification';
  await page.getByRole('heading', { name: heading }).waitFor();
  const read = (name: string) =>
    page
      .getByRole('table', { name })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          cells: Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim()),
        })),
      );
  const [totalsRow] = await read('Totaux');
  const [rows, created, updated, unchanged, rejected] = (totalsRow?.cells ?? []).map((cell) =>
    Number(cell.replace(/\s/g, '')),
  );
  const lines: ReportRow[] =
    (await page.getByRole('table', { name: 'Lignes avec une remarque ou un changement' }).count()) > 0
      ? await read('Lignes avec une remarque ou un changement')
      : [];
  return {
    totals: {
      rows: rows ?? 0,
      created: created ?? 0,
      updated: updated ?? 0,
      unchanged: unchanged ?? 0,
      rejected: rejected ?? 0,
    },
    lines,
  };
}

describe('Catalogue : import data·inclusion, recherche et fiche d’une offre', () => {
  it('l’administration vérifie puis importe les structures', async () => {
    await loginAs(admin, 'Claire Fontaine');
    await visit(admin, '/territoire/catalogue/import');
    await expectHeading(admin, 'Importer des offres');
    const dry = await runImport(admin, 'Des structures', structuresFile, 'Vérifier sans importer');
    expect(dry.totals.rows).toBeGreaterThan(0);
    await expect.poll(() => message(admin, /rien n’a été enregistré/).isVisible()).toBe(true);
    await expectNoAxeViolations(admin, 'vérification des structures');
    const done = await runImport(admin, 'Des structures', structuresFile, 'Importer');
    expect(done.totals.rejected).toBe(0);
    expect(done.totals.created + done.totals.updated + done.totals.unchanged).toBe(done.totals.rows);
    await expect.poll(() => message(admin, /Import terminé/).isVisible()).toBe(true);
    await expectNoAxeViolations(admin, 'import des structures');
  });

  it('l’import des services rejette les 3 lignes cassées avec leurs messages et garde les bonnes', async () => {
    const rows = JSON.parse(await readFile(servicesFile, 'utf8')) as { id?: string; nom?: string }[];
    const dry = await runImport(admin, 'Des services', servicesFile, 'Vérifier sans importer');
    expect(dry.totals.rejected).toBe(3);
    await expectNoAxeViolations(admin, 'vérification des services');

    const done = await runImport(admin, 'Des services', servicesFile, 'Importer');
    expect(done.totals.rows).toBe(rows.length);
    expect(done.totals.rejected).toBe(3);
    expect(done.totals.created + done.totals.updated + done.totals.unchanged).toBe(rows.length - 3);
    // Each rejected row says why, with an « Erreur » tag, the field and the message.
    const rejected = done.lines.filter((line) => line.cells[2] === 'Rejeté');
    expect(rejected).toHaveLength(3);
    for (const line of rejected) expect(line.cells[3]).toMatch(/Erreur\s*\S.*:\s*\S/s);
    const messages = rejected.map((line) => line.cells[3]).join('\n');
    expect(messages).toContain('mobilite--navette-zones-activite');
    expect(messages).toContain('description');
    expect(messages).toContain('code_postal');
    await expectNoAxeViolations(admin, 'import des services');

    // The good rows are in: each answers on its page.
    const isRejected = (id: string) => rejected.some((line) => line.cells[1]?.endsWith(id));
    const good = rows.filter((row) => row.id && !isRejected(row.id));
    expect(good.length).toBe(rows.length - 3);
    for (const row of good) {
      const res = await admin.request.get(`/api/catalogue/services/${encodeURIComponent(row.id ?? '')}`);
      expect(res.status(), `imported service ${row.id}`).toBe(200);
    }
    const first = good[0];
    await visit(admin, `/offres/services/${encodeURIComponent(first?.id ?? '')}`);
    await expectHeading(admin, first?.nom ?? '');
  });

  it('l’administration voit ses offres, l’occupation des places et exporte le catalogue', async () => {
    await visit(admin, '/offres/gestion');
    await expectHeading(admin, 'Mes offres');
    await admin.getByRole('table', { name: 'Offres de ma structure' }).locator('tbody tr').first().waitFor();
    await expectNoAxeViolations(admin, 'liste');
    const href = await admin
      .getByRole('link', { name: /^Exporter les services publiés \(JSON/ })
      .getAttribute('href');
    expect(href).toBe('/api/catalogue/export?kind=services&format=json');
    const exported = await admin.request.get(href ?? '');
    expect(exported.status()).toBe(200);
    const csv = await admin.request.get('/api/catalogue/export?kind=structures&format=csv');
    expect(csv.status()).toBe(200);

    await visit(admin, '/offres/gestion/services/spie-93--permis-solidaire');
    await expectHeading(admin, `Modifier : ${SERVICE_NAME}`);
    await admin.getByRole('heading', { name: 'Sessions', level: 2 }).waitFor();
    await expectNoAxeViolations(admin, 'gestion du service');

    await visit(admin, '/offres/occupation');
    await expectHeading(admin, 'Occupation des places');
    await admin.getByRole('table', { name: 'Occupation par offre' }).waitFor();
    await expectNoAxeViolations(admin, 'occupation');
  });

  it('le référent cherche « mobilité » à moins de 10 km de Bobigny et ouvre le permis solidaire', async () => {
    await loginAs(referent, 'Thomas Girard');
    await visit(referent, '/offres');
    await expectHeading(referent, 'Offres d’insertion');
    await referent.getByLabel(/^Que cherchez-vous/).fill('mobilité');
    await chooseCommune(referent.getByLabel(/^Près de quelle commune/), 'Bobigny', 'Bobigny');
    await expect.poll(() => referent.getByText('Commune choisie : Bobigny (93008).').count()).toBe(1);
    await referent.getByLabel('Distance', { exact: true }).selectOption('10');
    await referent.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => new URL(referent.url()).searchParams.get('rayon')).toBe('10');
    await expect
      .poll(() => message(referent, /à moins de 10 km de Bobigny$/).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const results = referent.getByRole('list', { name: 'Offres trouvées' });
    const link = results.getByRole('link', { name: SERVICE_NAME });
    await link.waitFor();
    await expectNoAxeViolations(referent, 'résultats');

    await link.click();
    await expectPath(referent, /^\/offres\/services\//);
    await expectHeading(referent, SERVICE_NAME);
    await referent.getByRole('heading', { name: 'Places', level: 2 }).waitFor();
    await expect
      .poll(() =>
        referent
          .getByText(/places? libres?/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const sessions = referent.getByRole('table', { name: 'Prochaines sessions' });
    await sessions.locator('tbody tr').first().waitFor();
    expect(await sessions.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await expectNoAxeViolations(referent, 'fiche de l’offre');

    // The back button returns to the same search.
    await referent.goBack();
    await expectHeading(referent, 'Offres d’insertion');
    await expect.poll(() => referent.getByLabel(/^Que cherchez-vous/).inputValue()).toBe('mobilité');

    const exported = await referent.request.get('/api/catalogue/export?kind=services&format=json');
    expect(exported.status()).toBe(200);
  });
});
