import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  checkByLabel,
  expectHeading,
  expectNoAxeViolations,
  expectPath,
  loginAs,
  pageHeading,
  waitForPageReady,
} from '../support/browser';
import {
  chooseCommune,
  describedBy,
  expectNoHorizontalScroll,
  fictionalPerson,
  nirPair,
} from '../support/people';

const ALI_BOBIGNY = 'Agence locale d’insertion de Bobigny – Drancy';
const MISSION_LOCALE = 'Mission locale de Montreuil';
const SSD_BOBIGNY = 'Service social départemental — Circonscription de Bobigny';
const PERSON_PATH = /^\/personnes\/[0-9a-f-]{36}$/;

/** Unique to this run (random suffix in the birth name, random birth date). */
const person = fictionalPerson('Léa', 'F');
const nir = nirPair(person);
/** The record's name as the team sees it ("Léa VERNET-ABCDEF") and as the directory shows it ("Léa V."). */
const fullName = `${person.firstName} ${person.birthName.toLocaleUpperCase('fr-FR')}`;
const directoryName = `${person.firstName} ${person.birthName.charAt(0)}.`;
const joinReason = 'Je l’accompagne dans sa recherche de formation à la Mission locale.';
const inviteReason = `Suivi social en parallèle de l’insertion (dossier ${person.birthName}).`;

const session = new BrowserSession();
let thomas: Page;
let sarah: Page;
let personPath = '';

beforeAll(async () => {
  await session.launch();
  thomas = await session.newPage();
  sarah = await session.newPage();
});
afterAll(() => session.close());

/** The organisation names are written with a straight or a curly apostrophe: compare either way. */
const apostrophes = (text: string) => text.replaceAll('’', "'");

/** The links of the person page's side menu ("Rubriques du dossier"). */
async function sectionLinks(page: Page): Promise<string[]> {
  const links = page.locator('nav.fr-sidemenu a.fr-sidemenu__link');
  await links.first().waitFor({ state: 'attached' });
  return (await links.allTextContents()).map((text) => text.trim());
}

/** Clicks a section of the person page in its side menu and waits for its heading. */
async function openSection(page: Page, label: string, path: string): Promise<void> {
  await page.locator('nav.fr-sidemenu').getByRole('link', { name: label, exact: true }).click();
  await expectPath(page, `${personPath}${path}`);
  await expectHeading(page, fullName);
  await page.locator('main h2', { hasText: label }).first().waitFor();
  await expectNoAxeViolations(page, label);
}

/** A status message (role="status") with this text, anywhere on the page. */
function status(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

/** The caseload row of the person, loading more pages while there are some. */
async function caseloadRow(page: Page, name: string): Promise<Locator> {
  const table = page.getByRole('table', { name: 'Mes personnes accompagnées' });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
    const more = page.getByRole('button', { name: 'Voir plus', exact: true });
    if ((await more.count()) === 0) break;
    await more.click();
    await waitForPageReady(page);
  }
  return row;
}

describe('dossier d’une personne : parcours de recette', () => {
  it('Thomas Girard crée le dossier, après avoir corrigé une date impossible et une clé de NIR fausse', async () => {
    await loginAs(thomas, 'Thomas Girard');
    await thomas.getByRole('link', { name: 'Personnes accompagnées', exact: true }).first().click();
    await expectPath(thomas, '/personnes');
    await expectHeading(thomas, 'Mes personnes accompagnées');
    await expectNoAxeViolations(thomas);

    await thomas.getByRole('link', { name: 'Créer un dossier' }).first().click();
    await expectPath(thomas, '/personnes/nouvelle');
    await expectHeading(thomas, 'Créer le dossier d’une personne');
    await expectNoAxeViolations(thomas);

    await checkByLabel(thomas.getByRole('radio', { name: 'Femme', exact: true }));
    await thomas.getByLabel(/^Nom de naissance/).fill(person.birthName);
    await thomas.getByLabel(/^Prénom/).fill(person.firstName);
    const birthDate = thomas.getByLabel(/^Date de naissance/);
    // An impossible date, typed as people write dates.
    await birthDate.fill(`31/02/${person.birthYear}`);
    const commune = thomas.getByLabel(/^Commune de résidence/);
    await chooseCommune(commune, 'Bobigny', 'Bobigny');
    await expect.poll(() => thomas.getByText('Commune choisie : Bobigny (93008).').count()).toBe(1);
    await expect.poll(() => thomas.getByLabel(/^Code postal/).inputValue()).toBe('93000');
    await checkByLabel(thomas.getByRole('radio', { name: 'Courrier postal', exact: true }));
    const nirInput = thomas.getByLabel(/^NIR/);
    await nirInput.fill(nir.wrongKey);
    await thomas.getByRole('button', { name: 'Créer le dossier' }).click();

    // Both mistakes are explained next to their field, in French, and nothing is created.
    await expect
      .poll(() => describedBy(nirInput))
      .toContain('La clé du NIR ne correspond pas : vérifiez chaque chiffre.');
    await expect
      .poll(async () => (await describedBy(birthDate)).join(' | '))
      .toContain('Date de naissance impossible : ce jour n’existe pas.');
    await expectPath(thomas, '/personnes/nouvelle');
    await expectNoAxeViolations(thomas, 'erreurs de saisie');

    await birthDate.fill(person.birthDateFr);
    await nirInput.fill(nir.valid);
    await thomas.getByRole('button', { name: 'Créer le dossier' }).click();

    await expectPath(thomas, PERSON_PATH);
    personPath = new URL(thomas.url()).pathname;
    await expectHeading(thomas, fullName);
    await expect.poll(() => status(thomas, 'Le dossier est créé.').count()).toBe(1);
    await expectNoAxeViolations(thomas, 'dossier créé');
  });

  it('Thomas ajoute un statut RSA « droit ouvert et versable » dans Situation', async () => {
    expect(personPath, 'the record was created').toMatch(PERSON_PATH);
    await openSection(thomas, 'Situation', '/situation');
    const facts = thomas.locator('section[aria-labelledby="identity-title"] dl');
    await expect.poll(() => facts.textContent()).toContain('Courrier postal');
    expect(await facts.textContent()).toContain('93000 Bobigny');

    await thomas.getByRole('button', { name: 'Ajouter un statut' }).click();
    const form = thomas.getByRole('form', { name: 'Ajouter un statut' });
    await form.getByLabel('Type de statut').selectOption({ label: 'RSA' });
    await form.getByLabel(/^État du droit RSA/).selectOption({ label: 'Droit ouvert et versable' });
    await expectNoAxeViolations(thomas, 'formulaire de statut');
    await form.getByRole('button', { name: 'Ajouter le statut' }).click();

    await expect.poll(() => status(thomas, 'Le statut est ajouté.').count()).toBe(1);
    const table = thomas.getByRole('table', {
      name: 'Statuts administratifs, du plus récent au plus ancien',
    });
    const rsa = table.getByRole('row').filter({ hasText: 'Droit ouvert et versable' });
    await expect.poll(() => rsa.count()).toBe(1);
    expect(await rsa.textContent()).toMatch(/RSA.*Droit ouvert et versable.*Saisie.*En cours/);
    await expectNoAxeViolations(thomas, 'statut ajouté');
  });

  it('Thomas invite Aminata Diallo dans l’équipe, qui accepte (si la page le permet)', async (context) => {
    await openSection(thomas, 'Équipe', '/equipe');
    await expect.poll(() => thomas.locator('main').textContent()).toContain('Thomas Girard (vous)');

    const form = thomas.getByRole('form', { name: 'Inviter un·e professionnel·le' });
    if ((await form.count()) === 0) {
      context.skip('no invite form on the Équipe page');
      return;
    }

    // Sending it empty: the French messages sit next to the fields.
    const organisation = form.getByLabel(/^Structure \*/);
    const account = form.getByLabel(/^Professionnel·le \*/);
    const reason = form.getByLabel(/^Motif \*/);
    await form.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect
      .poll(() => describedBy(organisation))
      .toContain('Choisissez la structure du ou de la professionnel·le.');
    await expect.poll(() => describedBy(reason)).toContain('Indiquez un motif.');
    await expectNoAxeViolations(thomas, 'invitation incomplète');

    await organisation.selectOption({ label: SSD_BOBIGNY });
    let aminata = '';
    await expect
      .poll(async () => {
        aminata =
          (await account.locator('option').allTextContents()).find((o) => o.startsWith('Aminata Diallo')) ??
          '';
        return aminata;
      })
      .not.toBe('');
    await account.selectOption({ label: aminata });
    await checkByLabel(form.getByRole('radio', { name: 'Intervenant·e', exact: true }));
    await reason.fill(inviteReason);
    await form.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect
      .poll(() => status(thomas, `Invitation envoyée à Aminata Diallo (${SSD_BOBIGNY}).`).count())
      .toBe(1);
    const pending = thomas.locator('main li.spie-member').filter({ hasText: 'Aminata Diallo' });
    await expect.poll(() => pending.textContent()).toContain('Invitation en attente');
    await expectNoAxeViolations(thomas, 'invitation envoyée');

    // Aminata accepts from « Demandes d’équipe ».
    const page = await session.newPage();
    await loginAs(page, 'Aminata Diallo');
    await page.getByRole('link', { name: 'Demandes d’équipe', exact: true }).first().click();
    await expectPath(page, '/equipes/demandes');
    await expectHeading(page, 'Demandes d’équipe');
    await expectNoAxeViolations(page);
    const invitation = page
      .locator('section[aria-labelledby="invitations-title"] li')
      .filter({ hasText: inviteReason });
    await expect.poll(() => invitation.count()).toBe(1);
    await invitation.getByRole('button', { name: /^Accepter/ }).click();
    await expect.poll(() => status(page, /^Vous avez rejoint l’équipe de /).count()).toBe(1);
    await expectNoAxeViolations(page, 'invitation acceptée');
    await page.close();

    await thomas.reload();
    await expectHeading(thomas, fullName);
    const member = thomas.locator('main li.spie-member').filter({ hasText: 'Aminata Diallo' });
    await expect.poll(() => member.first().textContent()).toMatch(/Intervenant·e/);
    expect(await member.first().textContent()).not.toContain('Invitation en attente');
  });

  it('Sarah Cohen trouve la personne dans l’annuaire (carte réduite) et demande à rejoindre l’équipe', async () => {
    await loginAs(sarah, 'Sarah Cohen');
    await sarah.getByRole('link', { name: 'Rechercher une personne', exact: true }).first().click();
    await expectPath(sarah, '/personnes/recherche');
    await expectHeading(sarah, 'Rechercher une personne');
    await expectNoAxeViolations(sarah);

    const directory = sarah.getByRole('form', { name: 'Chercher dans l’annuaire du territoire' });
    await directory.getByLabel('Nom *', { exact: true }).fill(person.birthName);
    await directory.getByLabel('Prénom (facultatif)', { exact: true }).fill(person.firstName);
    await directory.getByLabel('Date de naissance *', { exact: true }).fill(person.birthDate);
    await directory.getByRole('button', { name: 'Chercher dans l’annuaire' }).click();
    await expect.poll(() => status(sarah, '1 personne trouvée dans l’annuaire.').count()).toBe(1);

    const card = sarah.getByRole('article', { name: directoryName, exact: true });
    await expect.poll(() => card.count()).toBe(1);
    const text = apostrophes((await card.textContent()) ?? '');
    expect(text).toContain(`Né·e en ${person.birthYear}`);
    expect(text).toContain(apostrophes(ALI_BOBIGNY));
    expect(text).toContain('Référent·e unique : Thomas Girard');
    // Only the first name and an initial, the birth year: never the birth name, the date, the NIR.
    expect(text).not.toContain(person.birthName);
    expect(text.toLocaleUpperCase('fr-FR')).not.toContain(person.birthName.toLocaleUpperCase('fr-FR'));
    expect(text).not.toContain(person.birthDateFr);
    expect(text).not.toContain('RSA');
    expect(text.replace(/\s/g, '')).not.toContain(nir.valid.replace(/\s/g, '').slice(0, 13));
    await expectNoAxeViolations(sarah, 'carte de l’annuaire');

    await card.getByRole('button', { name: `Demander à rejoindre l’équipe de ${directoryName}` }).click();
    const request = card.getByRole('form', { name: `Demander à rejoindre l’équipe de ${directoryName}` });
    const reason = request.getByLabel(/^Pourquoi souhaitez-vous rejoindre l’équipe/);
    await request.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect
      .poll(() => describedBy(reason))
      .toContain('Indiquez pourquoi vous souhaitez rejoindre l’équipe.');
    await expectNoAxeViolations(sarah, 'motif manquant');

    await reason.fill(joinReason);
    await request.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect.poll(() => status(sarah, 'Votre demande a été envoyée au référent.').count()).toBe(1);
    await expectNoAxeViolations(sarah, 'demande envoyée');

    // Searching again later: the card remembers the request.
    await sarah.reload();
    await expectHeading(sarah, 'Rechercher une personne');
    await directory.getByLabel('Nom *', { exact: true }).fill(person.birthName);
    await directory.getByLabel('Date de naissance *', { exact: true }).fill(person.birthDate);
    await directory.getByRole('button', { name: 'Chercher dans l’annuaire' }).click();
    await expect.poll(() => card.getByText('Demande envoyée', { exact: true }).count()).toBe(1);
    expect(await card.getByRole('button', { name: /^Demander à rejoindre/ }).count()).toBe(0);
    await expectNoAxeViolations(sarah, 'demande déjà envoyée');

    // She still cannot open the record.
    await sarah.goto(personPath);
    await waitForPageReady(sarah);
    await expect.poll(() => sarah.getByText('Le dossier n’a pas pu être affiché').count()).toBe(1);
    expect(await sarah.getByText(fullName).count()).toBe(0);
    await expectNoAxeViolations(sarah, 'dossier avant acceptation');
  });

  it('Thomas accepte la demande de Sarah Cohen dans « Demandes d’équipe »', async () => {
    await thomas.getByRole('link', { name: 'Demandes d’équipe', exact: true }).first().click();
    await expectPath(thomas, '/equipes/demandes');
    await expectHeading(thomas, 'Demandes d’équipe');
    await expectNoAxeViolations(thomas);

    const requests = thomas.locator('section[aria-labelledby="requests-title"]');
    const item = requests
      .getByRole('listitem')
      .filter({ has: thomas.getByRole('link', { name: fullName, exact: true }) })
      .filter({ hasText: 'Sarah Cohen' });
    await expect.poll(() => item.count()).toBe(1);
    const text = apostrophes((await item.textContent()) ?? '');
    expect(text).toContain(MISSION_LOCALE);
    expect(text).toContain(apostrophes(joinReason));

    await item.getByRole('button', { name: /^Accepter/ }).click();
    await expect.poll(() => status(thomas, `Sarah Cohen a rejoint l’équipe de ${fullName}.`).count()).toBe(1);
    await expect.poll(() => item.count()).toBe(0);
    await expectNoAxeViolations(thomas, 'demande acceptée');
  });

  it('Sarah ouvre le dossier : Synthèse, Situation, Parcours, Équipe, mais pas les informations sensibles', async () => {
    await sarah.goto('/personnes/recherche');
    await expectHeading(sarah, 'Rechercher une personne');
    const directory = sarah.getByRole('form', { name: 'Chercher dans l’annuaire du territoire' });
    await directory.getByLabel('Nom *', { exact: true }).fill(person.birthName);
    await directory.getByLabel('Date de naissance *', { exact: true }).fill(person.birthDate);
    await directory.getByRole('button', { name: 'Chercher dans l’annuaire' }).click();
    const card = sarah.getByRole('article', { name: directoryName, exact: true });
    await card.getByRole('link', { name: `Ouvrir le dossier de ${directoryName}` }).click();

    await expectPath(sarah, personPath);
    await expectHeading(sarah, fullName);
    await expectNoAxeViolations(sarah, 'synthèse');
    const links = await sectionLinks(sarah);
    expect(links).toEqual(expect.arrayContaining(['Synthèse', 'Situation', 'Parcours', 'Équipe']));
    expect(links).not.toContain('Informations sensibles');

    await openSection(sarah, 'Situation', '/situation');
    await openSection(sarah, 'Parcours', '/parcours');
    await openSection(sarah, 'Équipe', '/equipe');
    await expect
      .poll(async () => apostrophes((await sarah.locator('main').textContent()) ?? ''))
      .toMatch(/Sarah Cohen \(vous\) — Mission locale de Montreuil/);

    // Typing the address of the sensitive section shows a refusal, never the notes.
    await sarah.goto(`${personPath}/informations-sensibles`);
    await expectHeading(sarah, fullName);
    await expect
      .poll(() => sarah.getByText('Votre rôle ne vous permet pas de voir cette rubrique du dossier.').count())
      .toBe(1);
    expect(await sarah.getByRole('heading', { name: 'Ajouter une information sensible' }).count()).toBe(0);
    expect(await sarah.getByText('Aucune information sensible enregistrée.').count()).toBe(0);
    expect(await sarah.locator('main li.spie-member').count()).toBe(0);
    await expectNoAxeViolations(sarah, 'informations sensibles refusées');

    // The API refuses the notes as well.
    const notes = await sarah.request.get(
      `/api${personPath.replace('/personnes/', '/people/')}/sensitive-notes`,
    );
    expect(notes.status(), 'GET sensitive notes as Sarah').toBe(403);
  });

  it('Thomas voit ses consultations et celles de Sarah Cohen dans le journal des consultations', async () => {
    await thomas.goto(personPath);
    await expectHeading(thomas, fullName);
    await expectNoAxeViolations(thomas, 'synthèse');
    await openSection(thomas, 'Journal des consultations', '/consultations');
    const table = thomas.getByRole('table', {
      name: 'Consultations et modifications du dossier, de la plus récente à la plus ancienne',
    });
    const byThomas = table.getByRole('row').filter({ hasText: 'Thomas Girard' });
    const bySarah = table.getByRole('row').filter({ hasText: 'Sarah Cohen' });
    await expect
      .poll(
        async () => {
          if ((await byThomas.count()) > 0 && (await bySarah.count()) > 0) return true;
          await thomas.reload();
          await waitForPageReady(thomas);
          return (await byThomas.count()) > 0 && (await bySarah.count()) > 0;
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(true);
    expect(apostrophes((await bySarah.first().textContent()) ?? '')).toContain(MISSION_LOCALE);
    expect(await bySarah.filter({ hasText: 'Consultation' }).count()).toBeGreaterThan(0);
    expect(await byThomas.filter({ hasText: 'Modification' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(thomas, 'journal');
  });
});

describe('alerte de doublon pendant la saisie', () => {
  it('signale le dossier existant (même nom, prénom et date de naissance) et laisse créer après vérification', async () => {
    expect(personPath, 'the first record was created').toMatch(PERSON_PATH);
    await thomas.goto('/personnes/nouvelle');
    await expectHeading(thomas, 'Créer le dossier d’une personne');
    await expectNoAxeViolations(thomas);

    await checkByLabel(thomas.getByRole('radio', { name: 'Femme', exact: true }));
    await thomas.getByLabel(/^Nom de naissance/).fill(person.birthName);
    await thomas.getByLabel(/^Prénom/).fill(person.firstName);
    await thomas.getByLabel(/^Date de naissance/).fill(person.birthDate);

    const warning = thomas.locator('.fr-alert--warning').filter({
      has: thomas.getByRole('heading', { name: 'Cette personne a peut-être déjà un dossier' }),
    });
    await expect.poll(() => warning.count()).toBe(1);
    const existing = warning.getByRole('listitem').filter({
      has: thomas.locator(`a[href="${personPath}"]`),
    });
    await expect.poll(() => existing.count()).toBe(1);
    const text = (await existing.textContent()) ?? '';
    expect(text).toContain(fullName);
    expect(text).toContain('Correspondance : même nom, prénom et date de naissance.');
    await expectNoAxeViolations(thomas, 'alerte de doublon');

    // Saving without the check is refused, with the same list.
    await thomas.getByRole('button', { name: 'Créer le dossier' }).click();
    await expect
      .poll(() =>
        thomas
          .getByRole('heading', {
            name: 'Le dossier n’a pas été créé : cette personne a peut-être déjà un dossier',
          })
          .count(),
      )
      .toBe(1);
    await expectPath(thomas, '/personnes/nouvelle');
    await expectNoAxeViolations(thomas, 'doublon refusé');

    await checkByLabel(
      thomas.getByRole('checkbox', { name: /^J’ai vérifié : il s’agit d’une autre personne/ }),
    );
    await thomas.getByRole('button', { name: 'Créer le dossier' }).click();
    await expectPath(thomas, (pathname) => PERSON_PATH.test(pathname) && pathname !== personPath);
    await expectHeading(thomas, fullName);
    await expect.poll(() => status(thomas, 'Le dossier est créé.').count()).toBe(1);
    await expectNoAxeViolations(thomas, 'second dossier créé');
  });
});

describe('liste des personnes accompagnées', () => {
  it('liste la personne pour Thomas avec son rôle « Référent·e unique », et les filtres fonctionnent', async () => {
    await thomas.goto('/personnes');
    await expectHeading(thomas, 'Mes personnes accompagnées');
    await expectNoAxeViolations(thomas);

    const role = thomas.getByLabel('Mon rôle', { exact: true });
    const statusFilter = thomas.getByLabel('Statut en cours', { exact: true });
    const link = () => thomas.locator(`main table a[href="${personPath}"]`);
    const row = await caseloadRow(thomas, fullName);
    await expect.poll(() => row.count()).toBeGreaterThanOrEqual(1);
    const ours = thomas.getByRole('row').filter({ has: thomas.locator(`a[href="${personPath}"]`) });
    await expect.poll(() => ours.count()).toBe(1);
    const cells = (await ours.locator('th, td').allTextContents()).map((cell) => cell.trim());
    expect(cells[2], 'Commune').toBe('Bobigny');
    expect(cells[3], 'Référent·e unique').toContain('Thomas Girard');
    expect(cells[4], 'Mon rôle').toBe('Référent·e unique');
    expect(cells[5], 'Statuts en cours').toContain('RSA');

    // Filter on the RSA status: the person stays, and every row has the RSA status.
    await statusFilter.selectOption({ label: 'RSA' });
    await expect.poll(() => link().count()).toBe(1);
    const statusCells = thomas.locator('main table tbody tr td:nth-of-type(5)');
    await expect
      .poll(async () => (await statusCells.allTextContents()).every((cell) => cell.includes('RSA')))
      .toBe(true);
    await expectNoAxeViolations(thomas, 'filtre RSA');

    // As co-référent: Thomas is her référent, so she is not listed.
    await role.selectOption({ label: 'Co-référent·e' });
    await expect.poll(() => link().count()).toBe(0);
    await expect
      .poll(async () => {
        const empty = await status(thomas, 'Aucune personne ne correspond à ces critères.').count();
        const roles = await thomas.locator('main table tbody tr td:nth-of-type(4)').allTextContents();
        return empty === 1 || (roles.length > 0 && roles.every((cell) => cell.trim() === 'Co-référent·e'));
      })
      .toBe(true);
    await expectNoAxeViolations(thomas, 'filtre co-référent');

    await role.selectOption({ label: 'Référent·e unique' });
    await expect.poll(() => link().count()).toBe(1);

    // A status she does not have empties her out of the list.
    await statusFilter.selectOption({ label: 'Participant·e PLIE' });
    await expect.poll(() => link().count()).toBe(0);

    // Back to every role and status, most recent first: both records of this run are there.
    await role.selectOption({ label: 'Tous les rôles' });
    await statusFilter.selectOption({ label: 'Tous les statuts' });
    await thomas
      .getByLabel('Trier par', { exact: true })
      .selectOption({ label: 'Suivi le plus récent d’abord' });
    await expect.poll(() => link().count()).toBe(1);
    await expect
      .poll(() => thomas.getByRole('link', { name: fullName, exact: true }).count())
      .toBeGreaterThanOrEqual(2);
    await expectNoAxeViolations(thomas, 'tri récent');
  });
});

describe('pilotage (Hugo Lambert)', () => {
  it('n’a pas d’entrée « Personnes accompagnées » et voit la page d’accès réservé', async () => {
    const hugo = await session.newPage();
    await loginAs(hugo, 'Hugo Lambert');
    await expectNoAxeViolations(hugo, 'accueil pilotage');
    expect(await hugo.getByRole('link', { name: 'Personnes accompagnées' }).count()).toBe(0);
    expect(await hugo.getByRole('link', { name: 'Rechercher une personne' }).count()).toBe(0);

    for (const path of ['/personnes', '/personnes/recherche', personPath]) {
      await hugo.goto(path);
      await expectHeading(hugo, 'Accès réservé');
      await expect
        .poll(() =>
          hugo
            .getByText('Cette page est réservée aux professionnels qui accompagnent des personnes.')
            .count(),
        )
        .toBe(1);
      expect(await hugo.getByText(fullName).count()).toBe(0);
      await expectNoAxeViolations(hugo, path);
    }
    await hugo.close();
  });
});

describe('affichage sur un écran de 320 px', () => {
  it('le dossier et la liste des personnes accompagnées tiennent dans la largeur', async () => {
    const narrow = await session.newPage({ width: 320, height: 640 });
    await loginAs(narrow, 'Thomas Girard');
    for (const path of [personPath, `${personPath}/situation`, '/personnes']) {
      await narrow.goto(path);
      expect(await pageHeading(narrow)).toBe(path === '/personnes' ? 'Mes personnes accompagnées' : fullName);
      if (path === '/personnes') {
        await expect.poll(() => narrow.locator(`main table a[href="${personPath}"]`).count()).toBe(1);
      }
      await expectNoHorizontalScroll(narrow, 320);
      await expectNoAxeViolations(narrow, `${path} à 320 px`);
    }
    await narrow.close();
  });
});
