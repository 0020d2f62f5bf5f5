import { type ServiceView, serviceWriteBody } from '@spie/contract/catalogue';
import { type FieldErrors, type Resolver, set } from 'react-hook-form';
import type { z } from 'zod';
import { splitCodes } from './catalogueFormat';

/*
 * The service form holds text as typed (strings, checkbox arrays); `toServiceBody` turns it into
 * the contract's body (empty → null, numbers parsed) and the contract's schema validates it, so
 * the messages under the fields are the contract's (and the server's, with the same paths).
 */

export interface ServiceFormValues {
  di: {
    structure_id: string;
    nom: string;
    description: string;
    type: string;
    thematiques: string[];
    publics: string[];
    publics_precisions: string;
    conditions_acces: string;
    frais: string;
    frais_precisions: string;
    modes_accueil: string[];
    zone_eligibilite: string;
    modes_mobilisation: string[];
    mobilisable_par: string[];
    mobilisation_precisions: string;
    lien_mobilisation: string;
    lien_source: string;
    contact_nom_prenom: string;
    telephone: string;
    courriel: string;
    horaires_accueil: string;
    volume_horaire_hebdomadaire: string;
    nombre_semaines: string;
    adresse: string;
    complement_adresse: string;
    commune: string;
    code_postal: string;
    code_insee: string;
    latitude: string;
    longitude: string;
  };
  spie: {
    capacity: string;
    waitingListEnabled: boolean;
    acceptsReferrals: boolean;
    referralContact: { name: string; email: string; phone: string };
  };
}

export type ServiceFormOutput = z.output<typeof serviceWriteBody>;

export const emptyServiceForm: ServiceFormValues = {
  di: {
    structure_id: '',
    nom: '',
    description: '',
    type: '',
    thematiques: [],
    publics: [],
    publics_precisions: '',
    conditions_acces: '',
    frais: '',
    frais_precisions: '',
    modes_accueil: [],
    zone_eligibilite: '',
    modes_mobilisation: [],
    mobilisable_par: [],
    mobilisation_precisions: '',
    lien_mobilisation: '',
    lien_source: '',
    contact_nom_prenom: '',
    telephone: '',
    courriel: '',
    horaires_accueil: '',
    volume_horaire_hebdomadaire: '',
    nombre_semaines: '',
    adresse: '',
    complement_adresse: '',
    commune: '',
    code_postal: '',
    code_insee: '',
    latitude: '',
    longitude: '',
  },
  spie: {
    capacity: '',
    waitingListEnabled: true,
    acceptsReferrals: true,
    referralContact: { name: '', email: '', phone: '' },
  },
};

/** Every input's path, to place the server's field errors. */
export const serviceFormPaths: string[] = [
  ...Object.keys(emptyServiceForm.di).map((key) => `di.${key}`),
  'spie.capacity',
  'spie.waitingListEnabled',
  'spie.acceptsReferrals',
  'spie.referralContact.name',
  'spie.referralContact.email',
  'spie.referralContact.phone',
];

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
const listOrNull = (values: string[] | false | undefined): string[] | null =>
  Array.isArray(values) && values.length > 0 ? values : null;
/** « 3,5 » or « 3.5 » → 3.5; empty → null; not a number → NaN (the schema then says so). */
export const numberOrNull = (text: string): number | null => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return Number(trimmed.replace(',', '.').replace(/\s/g, ''));
};

/** The form as the contract's body (before validation). */
export function toServiceBody(values: ServiceFormValues) {
  const di = values.di;
  return {
    di: {
      structure_id: di.structure_id,
      nom: di.nom.trim(),
      description: di.description.trim(),
      type: orNull(di.type),
      thematiques: listOrNull(di.thematiques),
      publics: listOrNull(di.publics),
      publics_precisions: orNull(di.publics_precisions),
      conditions_acces: orNull(di.conditions_acces),
      frais: orNull(di.frais),
      frais_precisions: orNull(di.frais_precisions),
      modes_accueil: listOrNull(di.modes_accueil),
      zone_eligibilite: listOrNull(splitCodes(di.zone_eligibilite)),
      modes_mobilisation: listOrNull(di.modes_mobilisation),
      mobilisable_par: listOrNull(di.mobilisable_par),
      mobilisation_precisions: orNull(di.mobilisation_precisions),
      lien_mobilisation: orNull(di.lien_mobilisation),
      lien_source: orNull(di.lien_source),
      contact_nom_prenom: orNull(di.contact_nom_prenom),
      telephone: orNull(di.telephone),
      courriel: orNull(di.courriel),
      horaires_accueil: orNull(di.horaires_accueil),
      volume_horaire_hebdomadaire: numberOrNull(di.volume_horaire_hebdomadaire),
      nombre_semaines: numberOrNull(di.nombre_semaines),
      adresse: orNull(di.adresse),
      complement_adresse: orNull(di.complement_adresse),
      commune: orNull(di.commune),
      code_postal: orNull(di.code_postal),
      code_insee: orNull(di.code_insee),
      latitude: numberOrNull(di.latitude),
      longitude: numberOrNull(di.longitude),
    },
    spie: {
      capacity: numberOrNull(values.spie.capacity),
      waitingListEnabled: values.spie.waitingListEnabled,
      acceptsReferrals: values.spie.acceptsReferrals,
      referralContact: {
        name: orNull(values.spie.referralContact.name),
        email: orNull(values.spie.referralContact.email),
        phone: orNull(values.spie.referralContact.phone),
      },
    },
  };
}

const text = (value: string | null | undefined) => value ?? '';
const num = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** A loaded service as form values. */
export function toServiceForm(service: ServiceView): ServiceFormValues {
  const di = service.di;
  return {
    di: {
      structure_id: di.structure_id,
      nom: di.nom,
      description: di.description,
      type: text(di.type),
      thematiques: di.thematiques ?? [],
      publics: di.publics ?? [],
      publics_precisions: text(di.publics_precisions),
      conditions_acces: text(di.conditions_acces),
      frais: text(di.frais),
      frais_precisions: text(di.frais_precisions),
      modes_accueil: di.modes_accueil ?? [],
      zone_eligibilite: (di.zone_eligibilite ?? []).join(', '),
      modes_mobilisation: di.modes_mobilisation ?? [],
      mobilisable_par: di.mobilisable_par ?? [],
      mobilisation_precisions: text(di.mobilisation_precisions),
      lien_mobilisation: text(di.lien_mobilisation),
      lien_source: text(di.lien_source),
      contact_nom_prenom: text(di.contact_nom_prenom),
      telephone: text(di.telephone),
      courriel: text(di.courriel),
      horaires_accueil: text(di.horaires_accueil),
      volume_horaire_hebdomadaire: num(di.volume_horaire_hebdomadaire),
      nombre_semaines: num(di.nombre_semaines),
      adresse: text(di.adresse),
      complement_adresse: text(di.complement_adresse),
      commune: text(di.commune),
      code_postal: text(di.code_postal),
      code_insee: text(di.code_insee),
      latitude: num(di.latitude),
      longitude: num(di.longitude),
    },
    spie: {
      capacity: num(service.spie.capacity),
      waitingListEnabled: service.spie.waitingListEnabled,
      acceptsReferrals: service.spie.acceptsReferrals,
      referralContact: {
        name: text(service.spie.referralContact.name),
        email: text(service.spie.referralContact.email),
        phone: text(service.spie.referralContact.phone),
      },
    },
  };
}

/** Validates the form with the contract's schema; errors keep the body's paths (`di.nom`). */
export const serviceFormResolver: Resolver<ServiceFormValues, unknown, ServiceFormOutput> = async (
  values,
) => {
  const result = serviceWriteBody.safeParse(toServiceBody(values));
  if (result.success) return { values: result.data, errors: {} };
  const errors: FieldErrors<ServiceFormValues> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    // A list's item error (di.publics.0) is shown on the list.
    const key = (/^\d+$/.test(path.at(-1) ?? '') ? path.slice(0, -1) : path).join('.');
    if (
      !key ||
      key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], errors)
    )
      continue;
    set(errors, key, { type: issue.code, message: issue.message });
  }
  return { values: {}, errors };
};
