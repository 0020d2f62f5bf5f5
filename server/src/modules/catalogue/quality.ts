import type { DiService, Quality } from '@spie/contract/catalogue';

/**
 * Quality score of a service (0–1), close to data·inclusion's: the average of the criteria below,
 * each scored 0–1 with a French label and, when not full, what to do to raise it. Pure: the
 * service's data·inclusion fields and today's date (YYYY-MM-DD) are all it needs.
 */
export type QualityInput = Pick<
  DiService,
  | 'description'
  | 'date_maj'
  | 'type'
  | 'thematiques'
  | 'publics'
  | 'frais'
  | 'frais_precisions'
  | 'modes_accueil'
  | 'zone_eligibilite'
  | 'modes_mobilisation'
  | 'mobilisable_par'
  | 'lien_mobilisation'
  | 'telephone'
  | 'courriel'
  | 'adresse'
>;

type Criterion = Quality['criteria'][number];

const filled = (v: string | null | undefined) => typeof v === 'string' && v.trim() !== '';
const some = (v: readonly string[] | null | undefined) => Array.isArray(v) && v.length > 0;
const mean = (parts: boolean[]) => (parts.length === 0 ? 1 : parts.filter(Boolean).length / parts.length);
const criterion = (id: string, label: string, score: number, advice: string): Criterion => ({
  id,
  label,
  score,
  advice: score >= 1 ? null : advice,
});

/** Days from `from` to `to` (both YYYY-MM-DD). */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Six months and two years, in days. */
export const FRESH_DAYS = 183;
export const OUTDATED_DAYS = 730;

/** 1 up to six months after the last update, then falling linearly to 0 at two years. */
export function freshnessScore(dateMaj: string, today: string): number {
  const age = daysBetween(dateMaj, today);
  if (!Number.isFinite(age) || age <= FRESH_DAYS) return Number.isFinite(age) ? 1 : 0;
  if (age >= OUTDATED_DAYS) return 0;
  return (OUTDATED_DAYS - age) / (OUTDATED_DAYS - FRESH_DAYS);
}

/** 0 under 50 characters, 0.5 up to 199, 1 from 200 to 2,000, 0.5 beyond (too long to read). */
export function descriptionScore(description: string | null | undefined): number {
  const length = (description ?? '').trim().length;
  if (length < 50) return 0;
  if (length < 200) return 0.5;
  if (length <= 2000) return 1;
  return 0.5;
}

export function qualityOf(service: QualityInput, today: string): Quality {
  const modesMobilisation = service.modes_mobilisation ?? [];
  const modesAccueil = service.modes_accueil ?? [];
  const mobilisation = mean([
    some(service.modes_mobilisation),
    some(service.mobilisable_par),
    ...(modesMobilisation.includes('utiliser-lien-mobilisation') ? [filled(service.lien_mobilisation)] : []),
  ]);
  const fees = mean([
    service.frais !== null && service.frais !== undefined,
    ...(service.frais === 'payant' ? [filled(service.frais_precisions)] : []),
  ]);
  const accueil = some(service.modes_accueil)
    ? mean([
        ...(modesAccueil.includes('en-presentiel') ? [filled(service.adresse)] : []),
        ...(modesAccueil.includes('a-distance') ? [some(service.zone_eligibilite)] : []),
      ])
    : 0;

  const criteria: Criterion[] = [
    criterion(
      'mobilisation',
      'Comment y accéder',
      mobilisation,
      modesMobilisation.includes('utiliser-lien-mobilisation') && !filled(service.lien_mobilisation)
        ? 'Indiquez le lien à utiliser pour mobiliser le service, ainsi que qui peut le mobiliser.'
        : 'Indiquez comment mobiliser le service (téléphone, courriel, formulaire…) et qui peut le faire (la personne, un·e professionnel·le…).',
    ),
    criterion(
      'contact',
      'Contact',
      filled(service.telephone) || filled(service.courriel) ? 1 : 0,
      'Indiquez un téléphone ou un courriel de contact.',
    ),
    criterion(
      'publics',
      'Publics',
      some(service.publics) ? 1 : 0,
      'Indiquez à quels publics le service s’adresse.',
    ),
    criterion(
      'thematiques',
      'Thématiques',
      some(service.thematiques) ? 1 : 0,
      'Choisissez au moins une thématique, pour que le service soit trouvé dans la recherche.',
    ),
    criterion(
      'frais',
      'Frais',
      fees,
      service.frais === 'payant'
        ? 'Précisez le coût pour la personne (montant, prise en charge possible…).'
        : 'Indiquez si le service est gratuit ou payant.',
    ),
    criterion(
      'description',
      'Description',
      descriptionScore(service.description),
      (service.description ?? '').trim().length > 2000
        ? 'Raccourcissez la description (2 000 caractères au plus) : allez à l’essentiel.'
        : 'Décrivez le service en au moins 200 caractères : ce qui est proposé, pour qui, comment cela se passe.',
    ),
    criterion(
      'fraicheur',
      'Mise à jour',
      freshnessScore(service.date_maj, today),
      'Vérifiez les informations du service, puis cliquez sur « Marquer comme à jour ».',
    ),
    criterion('type', 'Type de service', service.type ? 1 : 0, 'Choisissez le type de service.'),
    criterion(
      'modes_accueil',
      'Modes d’accueil',
      accueil,
      some(service.modes_accueil)
        ? 'Indiquez l’adresse pour un accueil sur place, et la zone d’éligibilité pour un service à distance.'
        : 'Indiquez si le service est rendu sur place, à distance, ou les deux.',
    ),
  ];
  const score = criteria.reduce((n, c) => n + c.score, 0) / criteria.length;
  return { score: Math.round(score * 1000) / 1000, criteria };
}
