import { type DiagnosticContentInput, diagnosticContent, recommendPath } from '@spie/contract/diagnostics';
import { describe, expect, it } from 'vitest';
import { type ComparableDiagnostic, diffDiagnostics } from './diagnosticDiff';

const today = new Date('2026-11-22T10:00:00Z');

function version(
  input: DiagnosticContentInput,
  chosen: Pick<ComparableDiagnostic, 'chosenPath' | 'chosenPathReason'> = {
    chosenPath: null,
    chosenPathReason: null,
  },
): ComparableDiagnostic {
  const content = diagnosticContent.parse(input);
  return { content, recommendation: recommendPath(content, today), ...chosen };
}

const boulanger = {
  appellationCode: '11573',
  romeCode: 'D1102',
  label: 'Boulanger / Boulangère',
  contractTypes: ['cdi' as const],
  workingTime: 'full_time' as const,
};

describe('diffDiagnostics', () => {
  it('finds nothing between two identical versions', () => {
    const a = version({
      situation: { workSituation: 'sans_emploi', pixScore: 200 },
      constraints: { logement: { impact: 'fort', situations: ['heberge_tiers'], note: 'Chez sa sœur' } },
      projects: [boulanger],
      notes: 'Motivé.',
    });
    const b = version({
      situation: { workSituation: 'sans_emploi', pixScore: 200 },
      constraints: { logement: { impact: 'fort', situations: ['heberge_tiers'], note: 'Chez sa sœur' } },
      projects: [boulanger],
      notes: 'Motivé.',
    });
    expect(diffDiagnostics(a, b)).toEqual([]);
  });

  it('lists each changed field in words, with the before and after values', () => {
    const a = version({
      situation: { workSituation: 'sans_emploi', drivingLicence: null, lastJobEndedOn: '2020-01-31' },
      constraints: { mobilite: { impact: 'non_explore' } },
      axes: { se_former: { level: 'besoin' } },
    });
    const b = version({
      situation: { workSituation: 'formation', drivingLicence: false, lastJobEndedOn: '2020-01-31' },
      constraints: { mobilite: { impact: 'fort', situations: ['pas_de_permis'] } },
      axes: { se_former: { level: 'point_fort' } },
      notes: 'Entrée en formation.',
    });
    const rows = diffDiagnostics(a, b, {
      situationLabel: (family, code) =>
        family === 'mobilite' && code === 'pas_de_permis' ? 'Pas de permis' : code,
    });
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));

    expect(byKey['situation.workSituation']).toMatchObject({
      section: 'Situation',
      label: 'Situation professionnelle',
      before: 'Sans emploi',
      after: 'En formation',
    });
    expect(byKey['situation.drivingLicence']).toMatchObject({ before: 'Non renseigné', after: 'Non' });
    expect(byKey['situation.lastJobEndedOn']).toBeUndefined();
    expect(byKey['constraints.mobilite.impact']).toMatchObject({
      label: 'Mobilité : impact',
      before: 'Non exploré',
      after: 'Impact fort',
    });
    expect(byKey['constraints.mobilite.situations']).toMatchObject({
      before: 'Aucune',
      after: 'Pas de permis',
    });
    expect(byKey['axes.se_former.level']).toMatchObject({
      label: 'Se former',
      before: 'Besoin',
      after: 'Point fort',
    });
    expect(byKey.notes).toMatchObject({ before: 'Non renseigné', after: 'Entrée en formation.' });
    // Untouched families and axes are not listed.
    expect(rows.some((row) => row.key.startsWith('constraints.logement'))).toBe(false);
    expect(rows.some((row) => row.key.startsWith('axes.international'))).toBe(false);
  });

  it('compares the recommended and the chosen path, and the reason', () => {
    const a = version({ constraints: { sante: { impact: 'fort' }, logement: { impact: 'fort' } } });
    const b = version(
      { constraints: { sante: { impact: 'moyen' } } },
      { chosenPath: 'social', chosenPathReason: 'Soins en cours, à reprendre dans 3 mois.' },
    );
    const byKey = Object.fromEntries(diffDiagnostics(a, b).map((row) => [row.key, row]));
    expect(byKey['recommendation.path']).toMatchObject({ before: 'Social', after: 'Emploi' });
    expect(byKey.chosenPath).toMatchObject({ before: 'Le parcours recommandé', after: 'Social' });
    expect(byKey.chosenPathReason).toMatchObject({
      before: 'Non renseigné',
      after: 'Soins en cours, à reprendre dans 3 mois.',
    });
  });

  it('matches projects by job: added, removed and changed projects', () => {
    const cariste = { appellationCode: '12345', romeCode: 'N1101', label: 'Cariste' };
    const aide = { appellationCode: '10001', romeCode: 'K1302', label: 'Aide à domicile' };
    const a = version({ projects: [boulanger, cariste] });
    const b = version({
      projects: [aide, { ...boulanger, contractTypes: ['cdi', 'interim'], minHourlyWage: 12.5 }],
    });
    const rows = diffDiagnostics(a, b);
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey['projects.12345']).toMatchObject({
      label: 'Projet : Cariste (code ROME N1101)',
      before: 'Présent',
      after: 'Retiré',
    });
    expect(byKey['projects.10001']).toMatchObject({ before: 'Absent', after: 'Ajouté' });
    expect(byKey['projects.11573.contractTypes']).toMatchObject({ before: 'CDI', after: 'CDI, Intérim' });
    expect(byKey['projects.11573.minHourlyWage']?.after).toMatch(/^12,50\s€ de l’heure$/);
    expect(byKey['projects.11573.workingTime']).toBeUndefined();
    expect(rows.every((row) => row.section === 'Projets professionnels')).toBe(true);
  });

  it('ignores the order of the situations ticked in a family', () => {
    const a = version({ constraints: { logement: { impact: 'moyen', situations: ['a', 'b'] } } });
    const b = version({ constraints: { logement: { impact: 'moyen', situations: ['b', 'a'] } } });
    expect(diffDiagnostics(a, b)).toEqual([]);
  });
});
