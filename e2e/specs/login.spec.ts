import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  checkByLabel,
  expectNoAxeViolations,
  expectPath,
  loginAs,
  logout,
  pageHeading,
} from '../support/browser';

/** One demo account per role, with the home heading that role must see. */
const accountsByRole = [
  {
    role: 'territory_admin',
    name: 'Claire Fontaine',
    heading: 'Accueil — Administrateur·rice du territoire',
  },
  { role: 'orientation_manager', name: 'Yacine Benali', heading: 'Accueil — Chargé·e d’orientation' },
  { role: 'structure_manager', name: 'Nadia Haddad', heading: 'Accueil — Responsable de structure' },
  { role: 'professional', name: 'Thomas Girard', heading: 'Accueil — Professionnel·le / référent·e' },
  { role: 'social_worker', name: 'Aminata Diallo', heading: 'Accueil — Travailleur·se social·e' },
  { role: 'steering_viewer', name: 'Hugo Lambert', heading: 'Accueil — Pilotage (indicateurs)' },
] as const;

/** The contract writes some labels with a straight apostrophe: compare without caring which. */
const sameApostrophes = (text: string) => text.replaceAll('’', "'");

const session = new BrowserSession();
beforeAll(() => session.launch());
afterAll(() => session.close());

describe('connexion de démonstration', () => {
  it('renvoie une personne non connectée vers /connexion, qui liste les comptes de démonstration', async () => {
    const page = await session.newPage();
    await page.goto('/');
    await expectPath(page, '/connexion');
    expect(await pageHeading(page)).toBe('Connexion');
    await expectNoAxeViolations(page);

    await expect.poll(() => page.getByRole('table', { name: 'Comptes de démonstration' }).count()).toBe(1);
    const loginButtons = page.getByRole('button', { name: /^Se connecter en tant que / });
    expect(await loginButtons.count()).toBeGreaterThanOrEqual(accountsByRole.length);
    for (const account of [...accountsByRole, { name: 'Sophie Marchand' }]) {
      await expect
        .poll(() =>
          page.getByRole('button', { name: `Se connecter en tant que ${account.name}`, exact: true }).count(),
        )
        .toBe(1);
    }
  });

  it('montre à chaque rôle sa propre page d’accueil', async () => {
    const headings = new Map<string, string>();
    for (const account of accountsByRole) {
      const page = await session.newPage();
      await loginAs(page, account.name);
      const heading = await pageHeading(page);
      expect(sameApostrophes(heading), `home heading of ${account.name} (${account.role})`).toBe(
        sameApostrophes(account.heading),
      );
      await expect.poll(() => page.getByText(`Bonjour ${account.name.split(' ')[0]}.`).count()).toBe(1);
      await expectNoAxeViolations(page, account.role);
      headings.set(account.role, heading);
      await page.close();
    }
    expect(new Set(headings.values()).size).toBe(accountsByRole.length);
  });

  it('fait choisir sa structure à Sophie Marchand, la laisse en changer puis la déconnecte', async () => {
    const page = await session.newPage();
    await page.goto('/connexion');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Se connecter en tant que Sophie Marchand', exact: true }).click();

    await expectPath(page, '/choisir-structure');
    expect(await pageHeading(page)).toBe('Choisir votre structure');
    await expectNoAxeViolations(page);
    const radios = page.getByRole('radio');
    expect(await radios.count()).toBe(2);

    // Continuing without a choice is refused with a message, not a silent no-op.
    if ((await page.getByRole('radio', { checked: true }).count()) === 0) {
      await page.getByRole('button', { name: 'Continuer' }).click();
      await expect.poll(() => page.getByText('Choisissez une structure pour continuer.').count()).toBe(1);
      await expectNoAxeViolations(page, 'choix manquant');
    }

    await checkByLabel(page.getByRole('radio', { name: /Chargé·e d.orientation/ }));
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expectPath(page, '/');
    await expect
      .poll(async () => sameApostrophes(await pageHeading(page)))
      .toBe("Accueil — Chargé·e d'orientation");
    await expectNoAxeViolations(page, 'orientation');

    // Switch membership from the header bar.
    const switcher = page.getByLabel('Changer de structure ou de rôle');
    const options = await switcher.locator('option').allInnerTexts();
    const steering = options.find((option) => option.includes('Pilotage (indicateurs)'));
    expect(steering, `switcher options: ${options.join(' | ')}`).toBeDefined();
    await switcher.selectOption({ label: steering ?? '' });
    await page.getByRole('button', { name: 'Changer', exact: true }).click();
    await expect.poll(() => pageHeading(page)).toBe('Accueil — Pilotage (indicateurs)');
    await expectPath(page, '/');
    await expectNoAxeViolations(page, 'pilotage');

    await logout(page);
    await expectNoAxeViolations(page, 'après déconnexion');

    // The session is really gone: the home page leads back to the login page.
    await page.goto('/');
    await expectPath(page, '/connexion');
    expect(await pageHeading(page)).toBe('Connexion');
  });
});
