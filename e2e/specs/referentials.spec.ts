import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  expectHeading,
  expectNoAxeViolations,
  loginAs,
  message,
  visit,
} from '../support/browser';

/** The territory's reference lists, including the objectives and actions of the action plan. */
const session = new BrowserSession();
let admin: Page;

beforeAll(async () => {
  await session.launch();
  admin = await session.newPage();
});
afterAll(() => session.close());

describe('Listes de référence du territoire', () => {
  it('l’administratrice ajoute un objectif au plan d’action et publie une nouvelle version', async () => {
    await loginAs(admin, 'Claire Fontaine');
    await visit(admin, '/territoire/listes-de-reference');
    await expectHeading(admin, 'Listes de référence du diagnostic et du plan d’action');
    await admin.getByRole('heading', { name: 'Objectifs et actions du plan d’action' }).waitFor();

    const label = 'Trouver une place en crèche près de chez soi';
    await admin.getByLabel('Nouvel objectif pour « Famille et garde d’enfants » (facultatif)').fill(label);
    await admin.getByRole('button', { name: 'Ajouter un objectif à « Famille et garde d’enfants »' }).click();
    await admin
      .getByRole('button', { name: 'Publier une nouvelle version des objectifs et actions' })
      .click();
    await expect.poll(() => message(admin, /^Version \d+ publiée/).isVisible()).toBe(true);
    await expectNoAxeViolations(admin, 'liste publiée');

    // The new objective is offered in the list the plan reads.
    const res = await admin.request.get('/api/referentials/action_plan');
    const list = (await res.json()) as { version: number; content: { objectives: { label: string }[] } };
    expect(list.version).toBeGreaterThanOrEqual(1);
    expect(list.content.objectives.map((o) => o.label)).toContain(label);
  });
});
