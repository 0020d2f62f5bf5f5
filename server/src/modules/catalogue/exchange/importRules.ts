import type { ImportIssue, ImportKind } from '@spie/contract/catalogue';

/*
 * data·inclusion's business rules beyond the JSON Schema. Errors reject the row; warnings keep it
 * and tell the producer what to improve.
 */

export const ID_PATTERN = /^([A-Za-z0-9][A-Za-z0-9-]*)--(.+)$/;

const err = (field: string | null, code: string, message: string): ImportIssue => ({
  field,
  severity: 'erreur',
  code,
  message,
});
const warn = (field: string | null, code: string, message: string): ImportIssue => ({
  field,
  severity: 'avertissement',
  code,
  message,
});

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Rules that need only the row (and the ids already met in the file). */
export function rowRules(
  kind: ImportKind,
  row: Record<string, unknown>,
  seenIds: Set<string>,
  today: string,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const id = typeof row.id === 'string' ? row.id : null;
  if (id !== null) {
    if (seenIds.has(id)) {
      issues.push(
        err(
          'id',
          'rule.duplicate_id',
          `Identifiant en double dans le fichier : « ${id} » (seule sa première ligne est prise).`,
        ),
      );
    }
    seenIds.add(id);
    const m = ID_PATTERN.exec(id);
    if (!m) {
      issues.push(
        err(
          'id',
          'rule.id_format',
          `Identifiant « ${id} » : la forme « source--identifiant » est attendue (ex. dora--42).`,
        ),
      );
    } else if (typeof row.source === 'string' && m[1] !== row.source) {
      issues.push(
        err(
          'id',
          'rule.id_source',
          `Identifiant « ${id} » : il doit commencer par la source « ${row.source}-- ».`,
        ),
      );
    }
  }
  if (typeof row.nom === 'string' && /[^.]\.$/.test(row.nom.trim()) && !/etc\.$/i.test(row.nom.trim())) {
    issues.push(warn('nom', 'rule.nom_dot', 'Nom : il ne devrait pas se terminer par un point.'));
  }
  if (typeof row.date_maj === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(row.date_maj)) {
    const age = days(row.date_maj, today);
    if (age < 0) {
      issues.push(
        warn('date_maj', 'rule.date_maj_future', 'Date de mise à jour dans le futur : vérifiez-la.'),
      );
    } else if (age > 730) {
      issues.push(
        warn(
          'date_maj',
          'rule.date_maj_old',
          'Mise à jour de plus de 2 ans : l’information est peut-être périmée.',
        ),
      );
    }
  }
  if (kind === 'services') {
    const description = typeof row.description === 'string' ? row.description.trim() : '';
    if (description.length > 0 && description.length < 200) {
      issues.push(
        warn(
          'description',
          'rule.description_short',
          'Description courte (moins de 200 caractères) : détaillez l’offre.',
        ),
      );
    } else if (description.length > 2000) {
      issues.push(
        warn(
          'description',
          'rule.description_long',
          'Description longue (plus de 2 000 caractères) : résumez-la.',
        ),
      );
    }
    if (!filled(row.telephone) && !filled(row.courriel)) {
      issues.push(
        warn('telephone', 'rule.no_contact', 'Ni téléphone ni courriel : ajoutez un moyen de contact.'),
      );
    }
    if (row.frais === 'payant' && !filled(row.frais_precisions)) {
      issues.push(
        warn(
          'frais_precisions',
          'rule.frais_precisions',
          'Service payant : précisez les frais (frais_precisions).',
        ),
      );
    }
    if (
      list(row.modes_mobilisation).includes('utiliser-lien-mobilisation') &&
      !filled(row.lien_mobilisation)
    ) {
      issues.push(
        warn(
          'lien_mobilisation',
          'rule.lien_mobilisation',
          'Mode « utiliser-lien-mobilisation » sans lien_mobilisation : ajoutez le lien.',
        ),
      );
    }
    if (list(row.modes_accueil).includes('en-presentiel') && !filled(row.adresse)) {
      issues.push(
        warn('adresse', 'rule.presentiel_adresse', 'Accueil en présentiel sans adresse : ajoutez l’adresse.'),
      );
    }
  }
  return issues;
}

export const unknownStructure = (id: string): ImportIssue =>
  err(
    'structure_id',
    'rule.structure_unknown',
    `Structure inconnue : « ${id} ». Importez d’abord ses structures.`,
  );
export const unknownCommune = (code: string): ImportIssue =>
  err('code_insee', 'rule.code_insee_unknown', `Code INSEE inconnu : « ${code} ».`);
export const filledCoordinates = (): ImportIssue =>
  warn(
    'latitude',
    'rule.coordinates_filled',
    'Latitude et longitude absentes : le centre de la commune (code INSEE) a été utilisé.',
  );
export const missingCoordinates = (): ImportIssue =>
  warn(
    'latitude',
    'rule.coordinates_missing',
    'Latitude et longitude absentes : le service ne sera pas placé sur la carte.',
  );
