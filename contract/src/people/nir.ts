import { z } from 'zod';

/**
 * NIR (numéro d'inscription au répertoire, "numéro de sécurité sociale"): 13 characters and a
 * 2-digit key, laid out as
 *
 *   S YY MM DD CCC OOO KK
 *   sex, birth year, birth month, département, commune, order number in the civil register, key.
 *
 * Places: the département and commune together are the 5-character COG code of the birth
 * commune (`75118`, `2A004`; overseas `97101` = département 971 + commune 01), `99` + the INSEE
 * country code for people born abroad (`99350` Maroc), `20` for Corsica before 1976, `91`–`96`
 * for Algeria, Morocco and Tunisia before independence. Since the historical codes are many, the
 * place is only checked for its shape; the key catches typing mistakes anyway.
 *
 * The NIR is a sensitive identifier (domain §8): these helpers only parse and display it; the
 * server stores it encrypted and looks it up through a keyed hash.
 */

export type NirErrorCode = 'nir.format' | 'nir.key' | 'nir.month' | 'nir.sex';

export type NirCheck = { ok: true; nir: string } | { ok: false; code: NirErrorCode; message: string };

export const nirMessages = {
  length: 'Le NIR doit comporter 15 caractères (13 chiffres et une clé de 2 chiffres).',
  characters:
    'Le NIR ne peut contenir que des chiffres, sauf 2A ou 2B pour un département de naissance en Corse.',
  sex: 'Le premier chiffre du NIR doit être 1 pour un homme ou 2 pour une femme.',
  month: 'Les 4e et 5e chiffres du NIR (mois de naissance) doivent être compris entre 01 et 12.',
  key: 'La clé du NIR ne correspond pas : vérifiez chaque chiffre.',
} as const;

/** 13 characters: digits, except `2A`/`2B` (Corsica) in positions 6–7. */
const BODY = /^\d{5}(?:\d{2}|2A|2B)\d{6}$/;
/** A complete NIR: the body and a 2-digit key. */
const NIR = /^\d{5}(?:\d{2}|2A|2B)\d{8}$/;

/**
 * 1/2 are men/women; 3/4 and 7/8 are the same two sexes on provisional numbers (people being
 * registered, many of them born abroad) that France Travail and the CAF do transmit, so we keep
 * them rather than turn a person away at import.
 */
const SEX_DIGITS = new Set(['1', '2', '3', '4', '7', '8']);

/**
 * Real months are 01–12. INSEE also issues pseudo-months when the civil-status document gives no
 * month: 20, 30–42 (2-character codes built from the document) and 50–99. 13–19 and 43–49 never
 * occur, nor does 00.
 */
export function isNirMonth(mm: string): boolean {
  if (!/^\d{2}$/.test(mm)) return false;
  const m = Number(mm);
  return (m >= 1 && m <= 12) || (m >= 20 && m <= 42) || m >= 50;
}

/** Strips the spaces, dots and dashes people type or paste, and uppercases `2a`/`2b`. */
export function normalizeNir(input: string): string {
  return input.replace(/[\s.\-\u2010-\u2015]/g, '').toUpperCase();
}

/** Corsica's départements are letters; the key is computed on them as these two digits. */
const CORSICA_AS_DIGITS: Readonly<Record<string, string>> = { '2A': '19', '2B': '18' };

/**
 * The INSEE key of a 13-character body: 97 − (body mod 97), so between 1 and 97.
 *
 * Corsica: the key is computed with "2A" read as 19 and "2B" as 18. The rule is also stated as
 * "read 2A/2B as 20, then subtract 1,000,000 (2A) or 2,000,000 (2B)": the same number, since
 * positions 6–7 weigh 10^6. Applying both (19, then − 1,000,000) would be wrong; the tests check
 * the rule against published numbers (python-stdnum's `fr.nir` examples).
 *
 * A 13-digit number stays below 2^53, so plain numbers are exact here. The error never echoes the
 * input: it may be somebody's NIR, and errors end up in logs.
 */
export function nirKey(first13: string): number {
  const body = first13.toUpperCase();
  if (!BODY.test(body))
    throw new RangeError('nirKey expects 13 characters: digits, or 2A/2B in positions 6–7.');
  const corsica = CORSICA_AS_DIGITS[body.slice(5, 7)];
  const numeric = corsica ? `${body.slice(0, 5)}${corsica}${body.slice(7)}` : body;
  return 97 - (Number(numeric) % 97);
}

function fail(code: NirErrorCode, message: string): NirCheck {
  return { ok: false, code, message };
}

/**
 * Validates a NIR as typed by a person (spaces, dots, dashes allowed). Checks run from the most
 * visible mistake to the least: length and characters, sex, month, then the key, so the message
 * points at what the person can fix.
 */
export function checkNir(input: string): NirCheck {
  const nir = normalizeNir(input);
  if (nir.length !== 15) return fail('nir.format', nirMessages.length);
  if (!NIR.test(nir)) return fail('nir.format', nirMessages.characters);
  if (!SEX_DIGITS.has(nir.charAt(0))) return fail('nir.sex', nirMessages.sex);
  if (!isNirMonth(nir.slice(3, 5))) return fail('nir.month', nirMessages.month);
  if (nirKey(nir.slice(0, 13)) !== Number(nir.slice(13))) return fail('nir.key', nirMessages.key);
  return { ok: true, nir };
}

/** Sex coded in a NIR: odd first digit for men, even for women (provisional numbers included). */
export function nirSex(nir: string): 1 | 2 {
  return Number(normalizeNir(nir).charAt(0)) % 2 === 1 ? 1 : 2;
}

const MASK = '•';
const FULL_MASK = '• •• •• •• ••• ••• ••';

/**
 * What a professional who does not need the NIR sees: sex, birth year and month (already on the
 * record) and the key, so two numbers can be told apart on the phone; never the birthplace nor the
 * order number. Anything that is not shaped like a NIR is masked entirely, never echoed.
 */
export function maskNir(nir: string): string {
  const n = normalizeNir(nir);
  if (!NIR.test(n)) return FULL_MASK;
  const hidden = (length: number) => MASK.repeat(length);
  return `${n.slice(0, 1)} ${n.slice(1, 3)} ${n.slice(3, 5)} ${hidden(2)} ${hidden(3)} ${hidden(3)} ${n.slice(13)}`;
}

/**
 * The grouping printed on the carte Vitale: 1-2-2-2-3-3 and the key (by position, also for
 * overseas numbers). A value that is not shaped like a NIR is returned normalized, unchanged.
 */
export function formatNir(nir: string): string {
  const n = normalizeNir(nir);
  if (!NIR.test(n)) return n;
  return [
    n.slice(0, 1),
    n.slice(1, 3),
    n.slice(3, 5),
    n.slice(5, 7),
    n.slice(7, 10),
    n.slice(10, 13),
    n.slice(13),
  ].join(' ');
}

/** Form and API field: accepts what people type, yields the normalized 15-character NIR. */
export const nirSchema = z.string().transform((value, ctx) => {
  const result = checkNir(value);
  if (result.ok) return result.nir;
  ctx.addIssue({ code: 'custom', message: result.message, params: { code: result.code } });
  return z.NEVER;
});
