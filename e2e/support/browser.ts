import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseURL = inject('baseURL');

export interface PageOptions {
  width?: number;
  height?: number;
}

/** One Chromium per spec file; each `newPage` gets its own context (own cookies, own session). */
export class BrowserSession {
  private browser: Browser | null = null;
  private readonly contexts: BrowserContext[] = [];

  async launch(): Promise<void> {
    this.browser = await chromium.launch({
      executablePath: inject('chromiumPath'),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }

  async newPage({ width = 1280, height = 900 }: PageOptions = {}): Promise<Page> {
    if (!this.browser) throw new Error('BrowserSession.launch() must be called first (beforeAll).');
    const context = await this.browser.newContext({
      baseURL,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width, height },
    });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    this.contexts.push(context);
    return context.newPage();
  }

  async close(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close().catch(() => {});
    await this.browser?.close();
    this.browser = null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns true (usable in hooks too, unlike `expect.poll`); fails with
 * `message` after `timeout` ms.
 */
export async function waitUntil(
  probe: () => Promise<boolean> | boolean,
  message: string,
  timeout = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    let lastError: unknown = null;
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms: ${message}${cause}`);
    }
    await sleep(100);
  }
}

/** Waits until the page's single h1 is shown and no "Chargement…" status is left. */
export async function waitForPageReady(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  const loading = page.locator('main [role="status"]', { hasText: /^(Chargement|Vérification)/ });
  await waitUntil(async () => (await loading.count()) === 0, `loading messages left on ${page.url()}`);
}

/** The text of the page's h1, once the page is ready. */
export async function pageHeading(page: Page): Promise<string> {
  await waitForPageReady(page);
  return ((await page.locator('main h1').first().textContent()) ?? '').trim();
}

/** Waits for the page's h1 to read `expected` (exactly, or matching the pattern). */
export async function expectHeading(page: Page, expected: string | RegExp): Promise<void> {
  let last = '';
  await waitUntil(
    async () => {
      last = await pageHeading(page);
      return typeof expected === 'string' ? last === expected : expected.test(last);
    },
    `expected the h1 to be ${String(expected)} on ${page.url()}`,
  ).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)} — h1 is "${last}"`);
  });
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA) on the current page and fails listing every violation with its
 * rule id, help text and the selectors of the offending elements.
 */
export async function expectNoAxeViolations(page: Page, label = ''): Promise<void> {
  await waitForPageReady(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const report = results.violations.map((violation) => {
    const targets = violation.nodes.map(
      (node) =>
        `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replaceAll('\n', '\n      ') ?? ''}`,
    );
    return `  [${violation.id}] (${violation.impact ?? 'n/a'}) ${violation.help}\n    ${violation.helpUrl}\n${targets.join('\n')}`;
  });
  const where = `${new URL(page.url()).pathname}${label ? ` (${label})` : ''}`;
  if (report.length > 0) {
    throw new Error(`${report.length} accessibility violation(s) on ${where}:\n${report.join('\n')}`);
  }
}

type PathExpectation = string | RegExp | ((pathname: string) => boolean);

function pathMatches(current: string, expected: PathExpectation): boolean {
  if (typeof expected === 'string') return current === expected;
  if (expected instanceof RegExp) return expected.test(current);
  return expected(current);
}

/** Waits for the pathname of the page to become `expected` (or to match it). */
export async function expectPath(page: Page, expected: PathExpectation): Promise<void> {
  await waitUntil(
    () => pathMatches(new URL(page.url()).pathname, expected),
    `expected the path to match ${String(expected)}, still at ${page.url()}`,
  );
}

/** Goes to a path of the app and checks it for accessibility. */
export async function visit(page: Page, pathname: string): Promise<void> {
  await page.goto(pathname);
  await expectNoAxeViolations(page);
}

/**
 * Checks a DSFR radio or checkbox the way a person does: by clicking its label (DSFR draws the
 * control on the label, which therefore receives the pointer).
 */
export async function checkByLabel(control: Locator): Promise<void> {
  const id = await control.getAttribute('id');
  if (!id) throw new Error('checkByLabel: the control has no id, so no <label for>');
  await control.page().locator(`label[for="${id}"]`).click();
  await waitUntil(() => control.isChecked(), `control ${id} is still not checked`);
}

export interface LoginOptions {
  /** On the membership choice page, the radio to pick (its label, e.g. a role label); else the first. */
  membership?: string | RegExp;
}

/**
 * Signs in through the demo login page (checked with axe), chooses a membership when asked
 * (checked with axe too) and returns on the home page, ready.
 */
export async function loginAs(page: Page, fullName: string, options: LoginOptions = {}): Promise<void> {
  await page.goto('/connexion');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: `Se connecter en tant que ${fullName}`, exact: true }).click();
  await expectPath(page, (pathname) => pathname === '/' || pathname === '/choisir-structure');
  if (new URL(page.url()).pathname === '/choisir-structure') {
    await expectHeading(page, 'Choisir votre structure');
    await expectNoAxeViolations(page);
    const radio = options.membership
      ? page.getByRole('radio', { name: options.membership })
      : page.getByRole('radio').first();
    await checkByLabel(radio);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expectPath(page, '/');
  }
  await expectHeading(page, /^Accueil — /);
}

/** Logs out through the header button and checks the login page is shown again. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expectPath(page, '/connexion');
  await expectHeading(page, 'Connexion');
}

/** A status or alert with this text, anywhere on the page. */
export const message = (page: Page, text: string | RegExp): Locator =>
  page.locator('[role="status"], [role="alert"], .fr-alert').filter({ hasText: text }).first();

/** Reloads the page until `probe` holds (the worker writes documents a moment after the action). */
export async function reloadUntil(
  page: Page,
  probe: () => Promise<boolean>,
  timeout = 30_000,
): Promise<void> {
  await expect
    .poll(
      async () => {
        if (await probe()) return true;
        await page.reload();
        await waitForPageReady(page);
        return probe();
      },
      { timeout, interval: 1_000 },
    )
    .toBe(true);
}
