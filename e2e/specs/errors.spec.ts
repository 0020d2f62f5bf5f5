import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, expectNoAxeViolations, loginAs, pageHeading } from '../support/browser';

const session = new BrowserSession();
beforeAll(() => session.launch());
afterAll(() => session.close());

/** What the focused element is, in words a failure message can show. */
function describeFocus() {
  const element = document.activeElement;
  if (!element || element === document.body) return { tag: 'body', id: '', text: '', href: '' };
  return {
    tag: element.tagName.toLowerCase(),
    id: element.id,
    text: (element.textContent ?? '').trim(),
    href: element.getAttribute('href') ?? '',
  };
}

describe('erreurs et navigation au clavier', () => {
  it('affiche la page 404 pour une adresse inconnue', async () => {
    const page = await session.newPage();
    const response = await page.goto('/cette-page-n-existe-pas');
    expect(response?.headers()['content-type']).toContain('text/html');
    expect(await pageHeading(page)).toBe('Page non trouvée');
    await expect.poll(() => page.getByText('Erreur 404').count()).toBe(1);
    expect(await page.title()).toBe('Page non trouvée — SPIE');
    await expectNoAxeViolations(page, 'anonyme');

    // Also for a signed-in person, inside the page frame with its menu.
    await loginAs(page, 'Thomas Girard');
    await page.goto('/admin/rien-par-ici/du-tout');
    expect(await pageHeading(page)).toBe('Page non trouvée');
    await expectNoAxeViolations(page, 'connecté');
    await page.getByRole('link', { name: 'Retourner à l’accueil' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => pageHeading(page)).toMatch(/^Accueil — /);
    await expectNoAxeViolations(page, 'retour à l’accueil');
  });

  it('répond 401 en JSON avec un message en français à l’API sans session', async () => {
    const page = await session.newPage();
    for (const path of [
      '/api/organisations',
      '/api/accounts',
      '/api/territory',
      '/api/audit',
      '/api/demo/inbox',
    ]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(401);
      expect(response.headers()['content-type'], path).toContain('application/json');
      const body = (await response.json()) as { error?: { kind?: string; code?: string; message?: string } };
      expect(body.error?.kind, path).toBe('unauthenticated');
      expect(body.error?.message, path).toBe('Vous devez être connecté·e pour accéder à ce contenu.');
    }
    // A write without the CSRF token is refused before anything else (403, French message)…
    const forged = await page.request.post('/api/organisations', { data: { name: 'Intrus' } });
    expect(forged.status()).toBe(403);
    expect(((await forged.json()) as { error?: { code?: string } }).error?.code).toBe('csrf.invalid');
    // …and with the token but no session, it is a 401 like the reads.
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'spie_csrf')?.value;
    expect(csrf, 'the server sets the spie_csrf cookie on the first answer').toBeTruthy();
    const write = await page.request.post('/api/organisations', {
      data: { name: 'Intrus' },
      headers: { 'x-csrf-token': csrf ?? '' },
    });
    expect(write.status()).toBe(401);
    expect(((await write.json()) as { error?: { message?: string } }).error?.message).toBe(
      'Vous devez être connecté·e pour accéder à ce contenu.',
    );

    // An unknown API address is a JSON 404, never the web app's HTML.
    const unknown = await page.request.get('/api/nexiste-pas');
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error?: { message?: string } }).error?.message).toBe(
      'Cette adresse n’existe pas.',
    );
  });

  it('au clavier, le lien d’évitement est atteint en premier et mène au contenu', async () => {
    const page = await session.newPage();
    await page.goto('/connexion');
    expect(await pageHeading(page)).toBe('Connexion');
    await expectNoAxeViolations(page);

    await page.keyboard.press('Tab');
    const first = await page.evaluate(describeFocus);
    expect(first, 'first Tab stop').toMatchObject({ tag: 'a', text: 'Contenu', href: '#contenu' });
    expect(await page.getByRole('link', { name: 'Contenu', exact: true }).isVisible()).toBe(true);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(describeFocus)).toMatchObject({ tag: 'main', id: 'contenu' });

    // The next Tab goes on inside the main content, not back to the header.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
    expect(next, 'Tab after the skip link stays in main').toBe(true);
    await expectNoAxeViolations(page, 'après le lien d’évitement');
  });
});
