import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchResult, BenchSession } from './benchContracts';

/**
 * Issue 7's benches (contract/src/catalogue/catalogue.routes.ts) through the real HTTP server:
 * - `catalogue.search`: Thomas Girard searches around a commune of the 93 within 30 km for a
 *   thematique category (communes and categories vary);
 * - `catalogue.personOffers`: « offres pour cette personne » for his people with a diagnostic;
 * - `catalogue.occupancy`: the territory's occupancy dashboard, as the territory admin;
 * - `catalogue.import20000`: a 20,000-service data·inclusion JSON file (its 200 structures
 *   imported first) posted once as the territory admin: duration and the server's RSS growth.
 */

type Scenario = [string, BenchResult['budget'], () => Promise<Response>];

const round = (n: number) => Math.round(n * 100) / 100;

// biome-ignore format: dense lists
const COMMUNES = ['93008', '93029', '93055', '93048', '93066', '93001', '93010', '93005', '93071', '93027', '93064', '93070'];
// biome-ignore format: dense lists
const CATEGORIES = ['mobilite', 'numerique', 'se-former', 'trouver-un-emploi', 'preparer-sa-candidature',
  'lecture-ecriture-calcul', 'difficultes-financieres', 'logement-hebergement', 'choisir-un-metier', 'famille'];

const cycle = <T>(items: readonly T[]) => {
  let i = 0;
  return () => items[i++ % items.length] as T;
};

/** Girard's people with at least one diagnostic version (read once through the API). */
export async function peopleWithDiagnostic(girard: BenchSession, ids: readonly string[], max = 60) {
  const found: string[] = [];
  for (const id of ids) {
    if (found.length >= max) break;
    const res = await girard.fetch(`/api/people/${id}/diagnostics`);
    if (!res.ok) {
      await res.arrayBuffer();
      continue;
    }
    const body = (await res.json()) as { versions?: unknown[] };
    if ((body.versions ?? []).length > 0) found.push(id);
  }
  return found;
}

export function catalogueScenarios(
  girard: BenchSession,
  admin: BenchSession,
  offerPeople: readonly string[],
): Scenario[] {
  const commune = cycle(COMMUNES);
  const category = cycle(CATEGORIES);
  const person = cycle(offerPeople);
  return [
    [
      'catalogue.search',
      { p95_ms: 30 },
      () =>
        girard.fetch(
          `/api/catalogue/services?commune=${commune()}&radiusKm=30&thematiques=${encodeURIComponent(category())}&limit=20`,
        ),
    ],
    ['catalogue.personOffers', { p95_ms: 50 }, () => girard.fetch(`/api/people/${person()}/offers`)],
    ['catalogue.occupancy', { p95_ms: 200 }, () => admin.fetch('/api/catalogue/occupancy?limit=50')],
  ];
}

// biome-ignore format: dense lists
const TEMPLATES: readonly [string, string, string[], string][] = [
  ['Atelier numérique', 'atelier', ['numerique--maitriser-les-fondamentaux-du-numerique'], 'Ateliers en petit groupe pour apprendre à utiliser un ordinateur et un smartphone, créer une adresse électronique et faire ses démarches en ligne avec un conseiller numérique.'],
  ['Permis accompagné', 'accompagnement', ['mobilite--preparer-un-permis', 'mobilite--financer-ma-mobilite'], 'Préparation au permis B pour les personnes qui en ont besoin pour travailler : code en petit groupe, leçons de conduite, recherche des financements et suivi mensuel avec le référent.'],
  ['Cours de français', 'formation', ['lecture-ecriture-calcul--maitriser-le-francais'], 'Cours de français en petit groupe, du niveau débutant au niveau B1, pour la vie de tous les jours et pour le travail, avec un test de niveau à l’inscription et une attestation à la fin.'],
  ['Atelier CV', 'atelier', ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation'], 'Quelques séances pour écrire un CV clair et une lettre de motivation adaptée, déposer son CV sur les sites d’emploi et répondre par courriel aux offres.'],
  ['Point conseil budget', 'accompagnement', ['difficultes-financieres--ameliorer-sa-gestion-budgetaire'], 'Une conseillère aide à faire le point sur le budget, à trouver des solutions pour les factures en retard et, si besoin, à monter un dossier de surendettement.'],
];

/** Writes the two files (200 structures, 20,000 services) of the import bench into the temp folder. */
export function writeImportFiles(
  services = 20_000,
  structures = 200,
): { structures: string; services: string } {
  const dir = os.tmpdir();
  const structureRows = Array.from({ length: structures }, (_, i) => ({
    source: 'bench-import',
    id: `bench-import--st-${i + 1}`,
    nom: `Structure du banc d’essai ${i + 1}`,
    date_maj: '2026-10-01',
    siret: null,
    telephone: '01 00 00 00 99',
    courriel: `structure-${i + 1}@bench-import.example`,
    site_web: null,
    lien_source: null,
    horaires_accueil: 'Du lundi au vendredi, 9 h – 17 h',
    accessibilite_lieu: null,
    reseaux_porteurs: null,
    description: 'Structure fictive créée pour mesurer l’import d’un fichier data·inclusion.',
    adresse: `${i + 1} rue du Banc-d’Essai`,
    complement_adresse: null,
    commune: 'Bobigny',
    code_postal: '93000',
    code_insee: '93008',
    latitude: 48.9077 + ((i % 40) - 20) * 0.001,
    longitude: 2.4386 + (Math.floor(i / 40) - 2) * 0.002,
  }));
  const serviceRows = Array.from({ length: services }, (_, i) => {
    const [nom, type, thematiques, description] = TEMPLATES[
      i % TEMPLATES.length
    ] as (typeof TEMPLATES)[number];
    const s = structureRows[i % structures] as (typeof structureRows)[number];
    return {
      source: 'bench-import',
      structure_id: s.id,
      id: `bench-import--sv-${i + 1}`,
      nom: `${nom} n° ${i + 1}`,
      description,
      date_maj: '2026-10-15',
      type,
      thematiques,
      publics: ['tous-publics'],
      publics_precisions: null,
      conditions_acces: null,
      frais: 'gratuit',
      frais_precisions: null,
      modes_accueil: ['en-presentiel'],
      zone_eligibilite: ['93'],
      modes_mobilisation: ['telephoner', 'envoyer-un-courriel'],
      mobilisable_par: ['professionnels', 'usagers'],
      mobilisation_precisions: 'Prendre contact avec la structure.',
      lien_mobilisation: null,
      lien_source: null,
      contact_nom_prenom: 'Accueil',
      telephone: s.telephone,
      courriel: s.courriel,
      horaires_accueil: s.horaires_accueil,
      volume_horaire_hebdomadaire: i % 3 === 0 ? 4 : null,
      nombre_semaines: i % 3 === 0 ? 12 : null,
      adresse: s.adresse,
      complement_adresse: null,
      commune: s.commune,
      code_postal: s.code_postal,
      code_insee: s.code_insee,
      latitude: s.latitude,
      longitude: s.longitude,
    };
  });
  const files = {
    structures: path.join(dir, 'spie-bench-di-structures.json'),
    services: path.join(dir, 'spie-bench-di-services-20000.json'),
  };
  writeFileSync(files.structures, JSON.stringify(structureRows));
  writeFileSync(files.services, JSON.stringify(serviceRows));
  return files;
}

/** Posts a data·inclusion file as the import route expects it (raw bytes). */
async function postImport(admin: BenchSession, kind: 'structures' | 'services', file: string) {
  const { readFileSync } = await import('node:fs');
  return admin.fetch(`/api/catalogue/imports?kind=${kind}&format=json&dryRun=false`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: readFileSync(file),
  });
}

/**
 * The 20,000-service import: structures first (not measured), then the services file once; the
 * server's RSS is sampled every 50 ms during the request (growth = peak − before).
 */
export async function catalogueImportScenario(
  admin: BenchSession,
  rssMb: () => number,
): Promise<BenchResult> {
  const budget = { ms: 60_000, rss_mb: 300 };
  const files = writeImportFiles();
  const first = await postImport(admin, 'structures', files.structures);
  if (!first.ok) {
    const body = (await first.json().catch(() => null)) as { error?: { code?: string } } | null;
    return skipped(`structures : HTTP ${first.status} ${body?.error?.code ?? ''}`.trim(), budget);
  }
  await first.arrayBuffer();
  const before = rssMb();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 50);
  const t = performance.now();
  let res: Response;
  try {
    res = await postImport(admin, 'services', files.services);
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - t;
  peak = Math.max(peak, rssMb());
  const body = (await res.json().catch(() => null)) as {
    totals?: Record<string, number>;
    error?: { code?: string };
  } | null;
  if (!res.ok) return skipped(`services : HTTP ${res.status} ${body?.error?.code ?? ''}`.trim(), budget);
  const growth = round(peak - before);
  console.log(
    `Import de 20 000 services : ${Math.round(ms)} ms, RSS ${before} → ${peak} Mo (+${growth} Mo), ${JSON.stringify(body?.totals ?? {})}`,
  );
  return {
    name: 'catalogue.import20000',
    p50_ms: round(ms),
    p95_ms: round(ms),
    throughput_per_s: round(20_000 / (ms / 1000)),
    rss_mb: growth,
    samples: 1,
    budget,
    ok: ms <= budget.ms && growth <= budget.rss_mb,
    total_ms: round(ms),
  };
}

const skipped = (why: string, budget: BenchResult['budget']): BenchResult => ({
  name: 'catalogue.import20000',
  p50_ms: 0,
  p95_ms: 0,
  throughput_per_s: 0,
  rss_mb: 0,
  samples: 0,
  budget,
  ok: false,
  skipped: why,
});
