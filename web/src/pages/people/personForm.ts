import { toNestErrors } from '@hookform/resolvers';
import { checkNir, identifiersInput, identityInput, type PersonRecord } from '@spie/contract/people';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import { z } from 'zod';
import type { DuplicatesBody } from './people.queries';

/**
 * The identity form as people fill it (strings everywhere, one input for the first first name and
 * one for the others, the birth place as "France or abroad"), turned into the contract's
 * `identityInput` + `identifiersInput` before checking. Errors of the contract schema are put back
 * under the matching inputs.
 */
export interface PersonFormValues {
  identity: {
    civility: '' | 'M.' | 'Mme';
    sex: '' | 'M' | 'F';
    birthName: string;
    usageName: string;
    firstName: string;
    otherFirstNames: string;
    birthDate: string;
    birthPlace: '' | 'france' | 'abroad';
    birthCommuneCode: string;
    birthCountryChoice: string;
    birthCountryOther: string;
    addressLine: string;
    postalCode: string;
    communeCode: string;
    phoneMobile: string;
    phoneOther: string;
    email: string;
    preferredChannel: '' | 'sms' | 'email' | 'letter' | 'phone';
    language: string;
  };
  identifiers: {
    nir: string;
    benefitOrganism: '' | 'caf' | 'msa';
    benefitMatricule: string;
    householdRole: '' | 'demandeur' | 'conjoint';
    franceTravailId: string;
    internalId: string;
  };
  asReferent: boolean;
  confirmNotDuplicate: boolean;
}

/** Frequent countries of birth among the people accompanied (INSEE codes 99xxx). */
export const frequentCountries: { code: string; name: string }[] = [
  { code: '99352', name: 'Algérie' },
  { code: '99350', name: 'Maroc' },
  { code: '99351', name: 'Tunisie' },
  { code: '99335', name: 'Mali' },
  { code: '99341', name: 'Sénégal' },
  { code: '99326', name: 'Côte d’Ivoire' },
  { code: '99322', name: 'Cameroun' },
  { code: '99312', name: 'République démocratique du Congo' },
  { code: '99208', name: 'Turquie' },
  { code: '99216', name: 'Chine' },
  { code: '99139', name: 'Portugal' },
  { code: '99114', name: 'Roumanie' },
];

export const emptyPersonForm: PersonFormValues = {
  identity: {
    civility: '',
    sex: '',
    birthName: '',
    usageName: '',
    firstName: '',
    otherFirstNames: '',
    birthDate: '',
    birthPlace: '',
    birthCommuneCode: '',
    birthCountryChoice: '',
    birthCountryOther: '',
    addressLine: '',
    postalCode: '',
    communeCode: '',
    phoneMobile: '',
    phoneOther: '',
    email: '',
    preferredChannel: '',
    language: '',
  },
  identifiers: {
    nir: '',
    benefitOrganism: '',
    benefitMatricule: '',
    householdRole: '',
    franceTravailId: '',
    internalId: '',
  },
  asReferent: true,
  confirmNotDuplicate: false,
};

type Identity = NonNullable<PersonRecord['identity']>;

export function formFromIdentity(identity: Identity): PersonFormValues {
  const [first = '', ...others] = identity.firstNames;
  const country = identity.birthCountryCode ?? '';
  const frequent = frequentCountries.some((c) => c.code === country);
  return {
    identity: {
      civility: (identity.civility as PersonFormValues['identity']['civility']) ?? '',
      sex: identity.sex,
      birthName: identity.birthName,
      usageName: identity.usageName ?? '',
      firstName: first,
      otherFirstNames: others.join(' '),
      birthDate: isoToFrench(identity.birthDate),
      birthPlace: identity.birthCommuneCode ? 'france' : country ? 'abroad' : '',
      birthCommuneCode: identity.birthCommuneCode ?? '',
      birthCountryChoice: country ? (frequent ? country : 'other') : '',
      birthCountryOther: country && !frequent ? country : '',
      addressLine: identity.addressLine ?? '',
      postalCode: identity.postalCode ?? '',
      communeCode: identity.communeCode ?? '',
      phoneMobile: identity.phoneMobile ?? '',
      phoneOther: identity.phoneOther ?? '',
      email: identity.email ?? '',
      preferredChannel: identity.preferredChannel ?? '',
      language: identity.language ?? '',
    },
    identifiers: {
      // The NIR is never sent back in clear: left empty, the server keeps the stored one.
      nir: '',
      benefitOrganism: identity.benefitOrganism ?? '',
      benefitMatricule: identity.benefitMatricule ?? '',
      householdRole: identity.householdRole ?? '',
      franceTravailId: identity.franceTravailId ?? '',
      internalId: identity.internalId ?? '',
    },
    asReferent: true,
    confirmNotDuplicate: false,
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

function birthCountry(identity: PersonFormValues['identity']): string | null {
  if (identity.birthPlace !== 'abroad') return null;
  return identity.birthCountryChoice === 'other'
    ? orNull(identity.birthCountryOther)
    : orNull(identity.birthCountryChoice);
}

export function splitFirstNames(identity: PersonFormValues['identity']): string[] {
  const others = identity.otherFirstNames
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter(Boolean);
  return [identity.firstName, ...others];
}

/** The contract's input shapes (before parsing). */
export function toIdentityInput(values: PersonFormValues): z.input<typeof identityInput> {
  const i = values.identity;
  return {
    civility: i.civility || null,
    sex: i.sex as 'M' | 'F',
    birthName: i.birthName,
    usageName: orNull(i.usageName),
    firstNames: splitFirstNames(i),
    birthDate: frenchToIso(i.birthDate) || (undefined as unknown as string),
    birthCommuneCode: i.birthPlace === 'france' ? orNull(i.birthCommuneCode) : null,
    birthCountryCode: birthCountry(i),
    addressLine: orNull(i.addressLine),
    postalCode: orNull(i.postalCode),
    communeCode: orNull(i.communeCode),
    phoneMobile: orNull(i.phoneMobile),
    phoneOther: orNull(i.phoneOther),
    email: orNull(i.email),
    preferredChannel: i.preferredChannel || null,
    language: orNull(i.language),
  };
}

export function toIdentifiersInput(values: PersonFormValues): z.input<typeof identifiersInput> {
  const i = values.identifiers;
  return {
    nir: orNull(i.nir),
    benefitOrganism: i.benefitOrganism || null,
    benefitMatricule: orNull(i.benefitMatricule),
    householdRole: i.householdRole || null,
    franceTravailId: orNull(i.franceTravailId),
    internalId: orNull(i.internalId),
  };
}

/** Where a contract path (`identity.firstNames.1`, `identifiers.nir`…) is shown in the form. */
export function formPathOf(path: string, values: PersonFormValues): string | null {
  const firstNames = /^identity\.firstNames(?:\.(\d+))?$/.exec(path);
  if (firstNames)
    return firstNames[1] && firstNames[1] !== '0' ? 'identity.otherFirstNames' : 'identity.firstName';
  if (path === 'identity.birthCountryCode')
    return values.identity.birthCountryChoice === 'other'
      ? 'identity.birthCountryOther'
      : 'identity.birthCountryChoice';
  if (path === 'identity.birthCommuneCode') return 'identity.birthCommuneCode';
  const known = new Set([
    ...Object.keys(emptyPersonForm.identity).map((key) => `identity.${key}`),
    ...Object.keys(emptyPersonForm.identifiers).map((key) => `identifiers.${key}`),
  ]);
  return known.has(path) ? path : null;
}

const formSchema = z.object({ identity: identityInput, identifiers: identifiersInput });

/** Checks the form with the contract's schemas; messages are the contract's French ones. */
export const personResolver: Resolver<PersonFormValues> = async (values, _context, options) => {
  const errors: Record<string, FieldError> = {};
  if (values.identity.birthPlace === 'abroad' && !birthCountry(values.identity)) {
    errors[
      values.identity.birthCountryChoice === 'other'
        ? 'identity.birthCountryOther'
        : 'identity.birthCountryChoice'
    ] = {
      type: 'required',
      message: 'Pays de naissance : choisissez un pays, ou indiquez son code INSEE.',
    };
  }
  const parsed = formSchema.safeParse({
    identity: toIdentityInput(values),
    identifiers: toIdentifiersInput(values),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const target =
        formPathOf(path, values) ?? (path.startsWith('identity.birthDate') ? 'identity.birthDate' : null);
      if (!target || errors[target]) continue;
      errors[target] = { type: 'validation', message: frenchMessage(path, issue.message) };
    }
  }
  if (Object.keys(errors).length > 0) {
    return { values: {}, errors: toNestErrors(errors as FieldErrors, options) };
  }
  return { values, errors: {} };
};

/** `17/05/1990` (what people type) → `1990-05-17` (the contract); anything else is left as typed. */
export function frenchToIso(typed: string): string {
  const text = typed.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return m ? `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}` : text;
}

export function isoToFrench(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function frenchMessage(path: string, message: string): string {
  if (path === 'identity.birthDate' && message.includes('AAAA-MM-JJ')) {
    return 'Date de naissance : écrivez-la sous la forme JJ/MM/AAAA, par exemple 17/05/1990.';
  }
  if (!/^(Invalid|Too|Expected)/.test(message)) return message;
  if (path === 'identity.sex') return 'Sexe : choisissez « Femme » ou « Homme ».';
  if (path === 'identity.birthDate') return 'Date de naissance : ce champ est obligatoire.';
  if (path.startsWith('identity.firstNames')) return 'Prénom : ce champ est obligatoire.';
  return 'Valeur invalide.';
}

/** What the duplicate check can use so far; null until one of the matching keys is complete. */
export function duplicateProbe(values: PersonFormValues): DuplicatesBody | null {
  const i = values.identity;
  const ids = values.identifiers;
  const identifiers: NonNullable<DuplicatesBody['identifiers']> = {};
  const nir = checkNir(ids.nir);
  if (ids.nir.trim() && nir.ok) identifiers.nir = nir.nir;
  if (/^\d{7}$/.test(ids.benefitMatricule.trim())) {
    identifiers.benefitMatricule = ids.benefitMatricule.trim();
    if (ids.benefitOrganism) identifiers.benefitOrganism = ids.benefitOrganism;
    if (ids.householdRole) identifiers.householdRole = ids.householdRole;
  }
  if (/^[0-9A-Z]{8,11}$/i.test(ids.franceTravailId.trim()))
    identifiers.franceTravailId = ids.franceTravailId.trim().toUpperCase();
  const birthDate = frenchToIso(i.birthDate);
  const nameComplete =
    i.birthName.trim().length > 0 && i.firstName.trim().length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(birthDate);
  if (!nameComplete && Object.keys(identifiers).length === 0) return null;
  return {
    identity: nameComplete
      ? { birthName: i.birthName.trim(), firstNames: [i.firstName.trim()], birthDate }
      : {},
    identifiers,
  };
}
