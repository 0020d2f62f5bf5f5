import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, expectNoAxeViolations, loginAs, pageHeading } from '../support/browser';

const WIDTH = 320;
const session = new BrowserSession();
let page: Page;

beforeAll(async () => {
  await session.launch();
  page = await session.newPage({ width: WIDTH, height: 640 });
});
afterAll(() => session.close());

/** Widest content of the page, and the elements that stick out of the viewport (for the message). */
function overflow(width: number) {
  const culprits: string[] = [];
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && culprits.length < 5) {
      culprits.push(
        `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${Array.from(element.classList).join('.')} right=${Math.round(box.right)}`,
      );
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, culprits };
}

async function expectNoHorizontalScroll(target: Page) {
  const result = await target.evaluate(overflow, WIDTH);
  expect(
    result.scrollWidth,
    `horizontal scroll on ${target.url()}: ${result.culprits.join(', ')}`,
  ).toBeLessThanOrEqual(WIDTH);
}

describe(`affichage sur un écran de ${WIDTH} px`, () => {
  it('la page de connexion tient dans la largeur', async () => {
    await page.goto('/connexion');
    expect(await pageHeading(page)).toBe('Connexion');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  it('l’accueil tient dans la largeur', async () => {
    await loginAs(page, 'Claire Fontaine');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, `${WIDTH} px`);
  });

  it('la liste des structures tient dans la largeur', async () => {
    await page.goto('/admin/structures');
    expect(await pageHeading(page)).toBe('Structures');
    await expect.poll(() => page.getByRole('table', { name: 'Structures du territoire' }).count()).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, `${WIDTH} px`);
  });

  it('la liste des comptes tient dans la largeur', async () => {
    await page.goto('/admin/comptes');
    expect(await pageHeading(page)).toBe('Comptes');
    await expect.poll(() => page.getByRole('table', { name: 'Comptes des professionnels' }).count()).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, `${WIDTH} px`);
  });
});
