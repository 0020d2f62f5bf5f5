import {
  type Frais,
  type ImportFormat,
  type ImportKind,
  type ImportReport,
  type ModeAccueil,
  type Public,
  type PublicationStatus,
  type ServiceType,
  thematiqueCategories,
} from '@spie/contract/catalogue';

/*
 * Words and numbers of the catalogue pages, in plain French. Pure functions, tested in
 * `catalogueFormat.test.ts`.
 */

const numberFormat = new Intl.NumberFormat('fr-FR');
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const shortDateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'UTC' });

/** Thin spaces and non-breaking spaces become plain spaces, so tests and screen readers read the same. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

/** « 12 600 » */
export function formatCount(value: number): string {
  return plain(numberFormat.format(value));
}

/** « 3,5 » */
export function formatDecimal(value: number): string {
  return plain(oneDecimal.format(value));
}

/** « 45 % » from 0.45; « — » when there is nothing to divide. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${formatDecimal(Math.round(rate * 1000) / 10)} %`;
}

/** « 1 offre », « 27 offres » */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count > 1 ? many : one}`;
}

/** « 12 mars 2026 » from `2026-03-12`; the raw text if it is not a date. */
export function formatIsoDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** « 12/03/2026 » */
export function formatShortDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : shortDateFormat.format(date);
}

/** « à 3,2 km », « à moins de 1 km » ; null without a distance. */
export function distanceLabel(km: number | null): string | null {
  if (km === null) return null;
  if (km < 1) return 'à moins de 1 km';
  return `à ${formatDecimal(km)} km`;
}

/** What a card or a page says about places: free, full (waiting list), or not counted. */
export function placesLabel(free: number | null, waiting = 0): string | null {
  if (free === null) return null;
  if (free > 0) return free === 1 ? '1 place libre' : `${formatCount(free)} places libres`;
  return waiting > 0
    ? `Complet — liste d’attente (${plural(waiting, 'personne', 'personnes')})`
    : 'Complet — liste d’attente';
}

/** « 27 offres à moins de 10 km de Bobigny », « Plus de 200 offres … » when the count was capped. */
export function resultCountText(
  total: number,
  commune: string | null,
  radiusKm: number,
  capped = false,
): string {
  const offers = capped
    ? `Plus de ${plural(total, 'offre', 'offres')}`
    : total === 0
      ? 'Aucune offre'
      : plural(total, 'offre', 'offres');
  return commune ? `${offers} à moins de ${radiusKm} km de ${commune}` : offers;
}

/** « Fiche complète à 80 % » */
export function qualityLabel(score: number): string {
  return `Fiche complète à ${Math.round(score * 100)} %`;
}

/* --- Search filters kept in the address ------------------------------------------------------ */

export const radiusChoices = [5, 10, 20, 30, 50] as const;

export interface SearchFilters {
  q: string;
  communeCode: string;
  communeName: string;
  radiusKm: number;
  thematique: string;
  type: ServiceType | '';
  public: Public | '';
  frais: Frais | '';
  modeAccueil: ModeAccueil | '';
  available: boolean;
}

export const emptyFilters: SearchFilters = {
  q: '',
  communeCode: '',
  communeName: '',
  radiusKm: 10,
  thematique: '',
  type: '',
  public: '',
  frais: '',
  modeAccueil: '',
  available: false,
};

/** Reads the filters from the address (`?q=mobilite&commune=93008&communeNom=Bobigny&rayon=10`). */
export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const radius = Number(params.get('rayon'));
  return {
    q: params.get('q') ?? '',
    communeCode: /^\w{5}$/.test(params.get('commune') ?? '') ? (params.get('commune') ?? '') : '',
    communeName: params.get('communeNom') ?? '',
    radiusKm: (radiusChoices as readonly number[]).includes(radius) ? radius : emptyFilters.radiusKm,
    thematique: params.get('thematique') ?? '',
    type: (params.get('type') ?? '') as SearchFilters['type'],
    public: (params.get('public') ?? '') as SearchFilters['public'],
    frais: (params.get('frais') ?? '') as SearchFilters['frais'],
    modeAccueil: (params.get('accueil') ?? '') as SearchFilters['modeAccueil'],
    available: params.get('disponible') === '1',
  };
}

/** Writes the filters in the address; empty filters are left out so links stay short. */
export function filtersToParams(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.communeCode) {
    params.set('commune', filters.communeCode);
    if (filters.communeName) params.set('communeNom', filters.communeName);
    params.set('rayon', String(filters.radiusKm));
  }
  if (filters.thematique) params.set('thematique', filters.thematique);
  if (filters.type) params.set('type', filters.type);
  if (filters.public) params.set('public', filters.public);
  if (filters.frais) params.set('frais', filters.frais);
  if (filters.modeAccueil) params.set('accueil', filters.modeAccueil);
  if (filters.available) params.set('disponible', '1');
  return params;
}

/** The search route's query (lists as comma-separated values, as the contract reads them). */
export function searchQueryOf(filters: SearchFilters) {
  return {
    q: filters.q.trim() || undefined,
    thematiques: filters.thematique || undefined,
    types: filters.type || undefined,
    publics: filters.public || undefined,
    frais: filters.frais || undefined,
    modesAccueil: filters.modeAccueil || undefined,
    commune: filters.communeCode || undefined,
    radiusKm: filters.communeCode ? filters.radiusKm : undefined,
    available: filters.available ? 'true' : undefined,
  };
}

/** Whether a thematique value is a category (`mobilite`) rather than a sub-thematique. */
export const isCategory = (value: string): boolean =>
  (thematiqueCategories as readonly string[]).includes(value);

/* --- Statuses -------------------------------------------------------------------------------- */

export const statusSeverity: Record<PublicationStatus, 'success' | 'warning' | 'info' | 'new'> = {
  publie: 'success',
  suspendu: 'warning',
  brouillon: 'new',
  archive: 'info',
};

/* --- Import and export ----------------------------------------------------------------------- */

/** The format of a chosen file, from its name; null when it is none of JSON, CSV, XLSX. */
export function importFormatOf(fileName: string): ImportFormat | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (extension === 'json') return 'json';
  if (extension === 'csv') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  return null;
}

/** « 12 Mo » */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} octets`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024)} Ko`;
  return `${formatDecimal(bytes / (1024 * 1024))} Mo`;
}

/** The sentence above an import report. */
export function importSummary(report: ImportReport): string {
  const t = report.totals;
  const lines = plural(t.rows, 'ligne lue', 'lignes lues');
  if (report.dryRun) {
    return `Fichier vérifié, rien n’a été enregistré : ${lines}. ${plural(t.created, 'serait nouvelle', 'seraient nouvelles')}, ${plural(t.updated, 'serait modifiée', 'seraient modifiées')}, ${plural(t.rejected, 'serait rejetée', 'seraient rejetées')}.`;
  }
  if (!report.applied) return `Le fichier n’a pas été importé : ${lines}, rien n’a été enregistré.`;
  return `Import terminé : ${lines}. ${plural(t.created, 'nouvelle', 'nouvelles')}, ${plural(t.updated, 'modifiée', 'modifiées')}, ${plural(t.unchanged, 'inchangée', 'inchangées')}, ${plural(t.rejected, 'rejetée', 'rejetées')}.`;
}

export const importKindLabels: Record<ImportKind, string> = {
  structures: 'Des structures',
  services: 'Des services',
};

/** The export link of published structures or services. */
export function exportHref(kind: ImportKind, format: 'json' | 'csv'): string {
  return `/api/catalogue/export?kind=${kind}&format=${format}`;
}

/** « 2,5 jours » ; « — » without any answer yet. */
export function daysLabel(days: number | null): string {
  if (days === null) return '—';
  return `${formatDecimal(days)} ${days >= 2 ? 'jours' : 'jour'}`;
}

/** Splits « 93008, 93066 93 » into codes. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}
