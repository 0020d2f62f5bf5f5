import { z } from 'zod';
import {
  diFrais,
  diModesAccueil,
  diModesMobilisation,
  diPersonnesMobilisatrices,
  diPublics,
  diReseauxPorteurs,
  diThematiques,
  diTypes,
} from './dataInclusion.lists';

type Values<T extends readonly { value: string }[]> = T[number]['value'];
const values = <T extends readonly { value: string }[]>(list: T) =>
  list.map((i) => i.value) as unknown as readonly [Values<T>, ...Values<T>[]];
const labels = <T extends readonly { value: string; label: string }[]>(list: T) =>
  Object.fromEntries(list.map((i) => [i.value, i.label])) as Record<Values<T>, string>;

export type Thematique = Values<typeof diThematiques>;
export const thematique = z.enum(values(diThematiques), { message: 'Thématique inconnue.' });
export const thematiqueLabels = labels(diThematiques);

export type ServiceType = Values<typeof diTypes>;
export const serviceType = z.enum(values(diTypes), { message: 'Type de service inconnu.' });
export const serviceTypeLabels = labels(diTypes);

export type Public = Values<typeof diPublics>;
export const publicValue = z.enum(values(diPublics), { message: 'Public inconnu.' });
export const publicLabels = labels(diPublics);

export type Frais = Values<typeof diFrais>;
export const frais = z.enum(values(diFrais), { message: 'Frais : gratuit ou payant.' });
export const fraisLabels = labels(diFrais);

export type ModeAccueil = Values<typeof diModesAccueil>;
export const modeAccueil = z.enum(values(diModesAccueil), { message: 'Mode d’accueil inconnu.' });
export const modeAccueilLabels = labels(diModesAccueil);

export type ModeMobilisation = Values<typeof diModesMobilisation>;
export const modeMobilisation = z.enum(values(diModesMobilisation), {
  message: 'Mode de mobilisation inconnu.',
});
export const modeMobilisationLabels = labels(diModesMobilisation);

export type PersonneMobilisatrice = Values<typeof diPersonnesMobilisatrices>;
export const personneMobilisatrice = z.enum(values(diPersonnesMobilisatrices), {
  message: 'Personne mobilisatrice : professionnels ou usagers.',
});
export const personneMobilisatriceLabels = labels(diPersonnesMobilisatrices);

export type ReseauPorteur = Values<typeof diReseauxPorteurs>;
export const reseauPorteur = z.enum(values(diReseauxPorteurs), { message: 'Réseau porteur inconnu.' });
export const reseauPorteurLabels = labels(diReseauxPorteurs);

/** The 16 categories of thematiques: the part of a thematique's value before `--`. */
export const thematiqueCategories = [
  'choisir-un-metier',
  'creer-une-entreprise',
  'difficultes-administratives-ou-juridiques',
  'difficultes-financieres',
  'equipement-et-alimentation',
  'famille',
  'lecture-ecriture-calcul',
  'logement-hebergement',
  'mobilite',
  'numerique',
  'preparer-sa-candidature',
  'remobilisation',
  'sante',
  'se-former',
  'souvrir-a-linternational',
  'trouver-un-emploi',
] as const;
export const thematiqueCategory = z.enum(thematiqueCategories, { message: 'Catégorie inconnue.' });
export type ThematiqueCategory = z.infer<typeof thematiqueCategory>;
export const thematiqueCategoryLabels: Record<ThematiqueCategory, string> = {
  'choisir-un-metier': 'Choisir un métier',
  'creer-une-entreprise': 'Créer une entreprise',
  'difficultes-administratives-ou-juridiques': 'Démarches administratives et droits',
  'difficultes-financieres': 'Argent et budget',
  'equipement-et-alimentation': 'Équipement et alimentation',
  famille: 'Famille',
  'lecture-ecriture-calcul': 'Lire, écrire, compter',
  'logement-hebergement': 'Logement et hébergement',
  mobilite: 'Mobilité',
  numerique: 'Numérique',
  'preparer-sa-candidature': 'Préparer sa candidature',
  remobilisation: 'Reprendre confiance, lien social',
  sante: 'Santé',
  'se-former': 'Se former',
  'souvrir-a-linternational': 'S’ouvrir à l’international',
  'trouver-un-emploi': 'Trouver un emploi',
};
export const categoryOf = (t: string): string => t.split('--')[0] ?? t;

/** SPIE's publication status of a service (not part of data·inclusion). */
export const publicationStatuses = ['brouillon', 'publie', 'suspendu', 'archive'] as const;
export const publicationStatus = z.enum(publicationStatuses, { message: 'État de publication inconnu.' });
export type PublicationStatus = z.infer<typeof publicationStatus>;
export const publicationStatusLabels: Record<PublicationStatus, string> = {
  brouillon: 'Brouillon',
  publie: 'Publié',
  suspendu: 'Suspendu',
  archive: 'Archivé',
};

export const sessionModes = ['sur_place', 'a_distance', 'mixte'] as const;
export const sessionMode = z.enum(sessionModes, { message: 'Modalité : sur place, à distance ou mixte.' });
export type SessionMode = z.infer<typeof sessionMode>;
export const sessionModeLabels: Record<SessionMode, string> = {
  sur_place: 'Sur place',
  a_distance: 'À distance',
  mixte: 'Sur place et à distance',
};

export const sessionStatuses = ['ouverte', 'complete', 'annulee', 'terminee'] as const;
export const sessionStatus = z.enum(sessionStatuses, { message: 'État de session inconnu.' });
export type SessionStatus = z.infer<typeof sessionStatus>;
export const sessionStatusLabels: Record<SessionStatus, string> = {
  ouverte: 'Inscriptions ouvertes',
  complete: 'Complète',
  annulee: 'Annulée',
  terminee: 'Terminée',
};

/** Import: what the file holds, in which format, and what a row's problem is. */
export const importKinds = ['structures', 'services'] as const;
export const importKind = z.enum(importKinds, {
  message: 'Le fichier contient des structures ou des services.',
});
export type ImportKind = z.infer<typeof importKind>;
export const importFormats = ['json', 'csv', 'xlsx'] as const;
export const importFormat = z.enum(importFormats, { message: 'Format accepté : JSON, CSV ou XLSX.' });
export type ImportFormat = z.infer<typeof importFormat>;
export const issueSeverities = ['erreur', 'avertissement'] as const;
export type IssueSeverity = (typeof issueSeverities)[number];
export const rowOutcomes = ['cree', 'modifie', 'inchange', 'rejete'] as const;
export type RowOutcome = (typeof rowOutcomes)[number];
export const rowOutcomeLabels: Record<RowOutcome, string> = {
  cree: 'Nouveau',
  modifie: 'Modifié',
  inchange: 'Inchangé',
  rejete: 'Rejeté',
};
/** Largest import file accepted (a 100 MB file is refused with a clear message). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
