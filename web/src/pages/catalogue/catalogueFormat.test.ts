import { describe, expect, it } from 'vitest';
import {
  daysLabel,
  distanceLabel,
  emptyFilters,
  filtersFromParams,
  filtersToParams,
  formatBytes,
  formatCount,
  formatIsoDate,
  formatRate,
  importFormatOf,
  importSummary,
  placesLabel,
  qualityLabel,
  resultCountText,
  searchQueryOf,
  splitCodes,
} from './catalogueFormat';
import { emptyServiceForm, numberOrNull, toServiceBody } from './serviceForm';

describe('catalogue numbers in French', () => {
  it('formats counts, rates, days and distances', () => {
    expect(formatCount(12600)).toBe('12 600');
    expect(formatRate(0.4567)).toBe('45,7 %');
    expect(formatRate(null)).toBe('—');
    expect(daysLabel(2.5)).toBe('2,5 jours');
    expect(daysLabel(1)).toBe('1 jour');
    expect(daysLabel(null)).toBe('—');
    expect(distanceLabel(3.24)).toBe('à 3,2 km');
    expect(distanceLabel(0.4)).toBe('à moins de 1 km');
    expect(distanceLabel(null)).toBeNull();
    expect(formatIsoDate('2026-03-12')).toBe('12 mars 2026');
    expect(formatBytes(52_428_800)).toBe('50 Mo');
    expect(qualityLabel(0.804)).toBe('Fiche complète à 80 %');
  });

  it('says how many places are left, or that the offer is full', () => {
    expect(placesLabel(4)).toBe('4 places libres');
    expect(placesLabel(1)).toBe('1 place libre');
    expect(placesLabel(0)).toBe('Complet — liste d’attente');
    expect(placesLabel(0, 3)).toBe('Complet — liste d’attente (3 personnes)');
    expect(placesLabel(null)).toBeNull();
  });

  it('counts the results around a commune', () => {
    expect(resultCountText(27, 'Bobigny', 10)).toBe('27 offres à moins de 10 km de Bobigny');
    expect(resultCountText(1, null, 10)).toBe('1 offre');
    expect(resultCountText(0, 'Bobigny', 5)).toBe('Aucune offre à moins de 5 km de Bobigny');
    expect(resultCountText(200, 'Bobigny', 30, true)).toBe('Plus de 200 offres à moins de 30 km de Bobigny');
  });
});

describe('search filters in the address', () => {
  it('round-trips the filters through the query string', () => {
    const filters = {
      ...emptyFilters,
      q: 'mobilité',
      communeCode: '93008',
      communeName: 'Bobigny',
      radiusKm: 20,
      thematique: 'mobilite',
      available: true,
    };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(
      'q=mobilit%C3%A9&commune=93008&communeNom=Bobigny&rayon=20&thematique=mobilite&disponible=1',
    );
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('ignores an unknown radius or a malformed commune', () => {
    const filters = filtersFromParams(new URLSearchParams('rayon=7&commune=abc'));
    expect(filters.radiusKm).toBe(10);
    expect(filters.communeCode).toBe('');
  });

  it('sends the radius only with a commune, lists as single values', () => {
    expect(searchQueryOf({ ...emptyFilters, q: ' permis ', radiusKm: 30 })).toEqual({
      q: 'permis',
      thematiques: undefined,
      types: undefined,
      publics: undefined,
      frais: undefined,
      modesAccueil: undefined,
      commune: undefined,
      radiusKm: undefined,
      available: undefined,
    });
    const query = searchQueryOf({ ...emptyFilters, communeCode: '93008', radiusKm: 10, available: true });
    expect(query.commune).toBe('93008');
    expect(query.radiusKm).toBe(10);
    expect(query.available).toBe('true');
  });
});

describe('import and service form helpers', () => {
  it('recognises the file format from its name', () => {
    expect(importFormatOf('di-services.JSON')).toBe('json');
    expect(importFormatOf('offres.csv')).toBe('csv');
    expect(importFormatOf('offres.xlsx')).toBe('xlsx');
    expect(importFormatOf('offres.xls')).toBeNull();
  });

  it('summarises a dry run and an import', () => {
    const base = {
      kind: 'services' as const,
      format: 'json' as const,
      rows: [],
      truncated: false,
      durationMs: 12,
      totals: { rows: 10, created: 7, updated: 0, unchanged: 0, rejected: 3, warnings: 2 },
    };
    expect(importSummary({ ...base, dryRun: true, applied: false })).toBe(
      'Fichier vérifié, rien n’a été enregistré : 10 lignes lues. 7 seraient nouvelles, 0 serait modifiée, 3 seraient rejetées.',
    );
    expect(importSummary({ ...base, dryRun: false, applied: true })).toBe(
      'Import terminé : 10 lignes lues. 7 nouvelles, 0 modifiée, 0 inchangée, 3 rejetées.',
    );
  });

  it('splits zone codes and reads decimal commas', () => {
    expect(splitCodes('93008, 93066 ;93')).toEqual(['93008', '93066', '93']);
    expect(numberOrNull('3,5')).toBe(3.5);
    expect(numberOrNull(' ')).toBeNull();
    expect(Number.isNaN(numberOrNull('abc'))).toBe(true);
  });

  it('turns empty form fields into nulls for the contract', () => {
    const body = toServiceBody({
      ...emptyServiceForm,
      di: { ...emptyServiceForm.di, nom: ' Permis ', publics: ['jeunes'], zone_eligibilite: '93' },
      spie: { ...emptyServiceForm.spie, capacity: '12' },
    });
    expect(body.di.nom).toBe('Permis');
    expect(body.di.publics).toEqual(['jeunes']);
    expect(body.di.thematiques).toBeNull();
    expect(body.di.zone_eligibilite).toEqual(['93']);
    expect(body.di.telephone).toBeNull();
    expect(body.spie.capacity).toBe(12);
    expect(body.spie.referralContact.email).toBeNull();
  });
});
