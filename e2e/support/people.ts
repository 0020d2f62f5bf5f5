import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitUntil } from './browser';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** A few random lowercase letters (no digits: it ends up in a birth name). */
export function randomLetters(length: number): string {
  return Array.from({ length }, () => LETTERS.charAt(randomInt(0, LETTERS.length - 1))).join('');
}

export interface FictionalPerson {
  sex: 'F' | 'M';
  birthName: string;
  firstName: string;
  /** AAAA-MM-JJ, as date inputs take it. */
  birthDate: string;
  /** JJ/MM/AAAA, as the pages show it. */
  birthDateFr: string;
  birthYear: string;
}

/**
 * A fictional person unique to this run: a random suffix in the birth name and a random birth date,
 * so that a second run on the same database (or another person of the same run) never matches it
 * in the directory or the duplicate check.
 */
export function fictionalPerson(firstName = 'Léa', sex: 'F' | 'M' = 'F'): FictionalPerson {
  const suffix = randomLetters(6);
  const year = randomInt(1970, 2002);
  const month = String(randomInt(1, 12)).padStart(2, '0');
  const day = String(randomInt(1, 28)).padStart(2, '0');
  return {
    sex,
    birthName: `Vernet-${suffix.charAt(0).toUpperCase()}${suffix.slice(1)}`,
    firstName,
    birthDate: `${year}-${month}-${day}`,
    birthDateFr: `${day}/${month}/${year}`,
    birthYear: String(year),
  };
}

/** INSEE key of the 13 first characters of a NIR (digits only here). */
export function nirKey(first13: string): string {
  return String(97 - Number(BigInt(first13) % 97n)).padStart(2, '0');
}

/**
 * A NIR for this person, born in Bobigny (93 008), with a random order number: the valid one, the
 * same with a wrong key, both written as on a carte Vitale.
 */
export function nirPair(person: FictionalPerson): { valid: string; wrongKey: string } {
  const body = `${person.sex === 'F' ? '2' : '1'}${person.birthDate.slice(2, 4)}${person.birthDate.slice(5, 7)}93008${String(randomInt(1, 999)).padStart(3, '0')}`;
  const key = nirKey(body);
  const wrong = String(((Number(key) + 1) % 97) + 1).padStart(2, '0');
  const spaced = (k: string) =>
    [
      body.slice(0, 1),
      body.slice(1, 3),
      body.slice(3, 5),
      body.slice(5, 7),
      body.slice(7, 10),
      body.slice(10, 13),
      k,
    ].join(' ');
  return {
    valid: spaced(key),
    wrongKey: spaced(wrong === key ? String((Number(key) % 97) + 1).padStart(2, '0') : wrong),
  };
}

/** The messages programmatically tied to an input (aria-describedby), i.e. shown next to it. */
export async function describedBy(input: Locator): Promise<string[]> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
  const texts: string[] = [];
  for (const id of ids) {
    const element = input.page().locator(`[id="${id}"]`);
    if ((await element.count()) > 0) texts.push(((await element.textContent()) ?? '').trim());
  }
  return texts;
}

/**
 * Picks a commune in a `CommuneField` (input + datalist) the way the browser does when a
 * suggestion is chosen: the input receives the suggestion's exact text.
 */
export async function chooseCommune(input: Locator, typed: string, name: string): Promise<void> {
  await input.fill(typed);
  const listId = await input.getAttribute('list');
  if (!listId) throw new Error('chooseCommune: the input has no datalist');
  let value = '';
  await waitUntil(async () => {
    const values = await input
      .page()
      .locator(`datalist[id="${listId}"] option`)
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    value = values.find((v) => v.startsWith(`${name} (`)) ?? '';
    return value !== '';
  }, `no suggestion for ${name} after typing "${typed}"`);
  await input.fill(value);
}

const WIDTH_SLACK = 1;

/** Fails when the page scrolls horizontally at `width`, naming the elements that stick out. */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const result = await page.evaluate(
    ({ width, slack }) => {
      const culprits: string[] = [];
      for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > width + slack && culprits.length < 5) {
          culprits.push(
            `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${Array.from(element.classList).join('.')} right=${Math.round(box.right)}`,
          );
        }
      }
      return { scrollWidth: document.documentElement.scrollWidth, culprits };
    },
    { width, slack: WIDTH_SLACK },
  );
  expect(
    result.scrollWidth,
    `horizontal scroll on ${page.url()}: ${result.culprits.join(', ')}`,
  ).toBeLessThanOrEqual(width);
}
