import {
  type ConstraintFamily,
  type DiagnosticContentInput,
  diagnosticContent,
  type ImpactLevel,
  recommendationSentence,
  recommendPath,
} from '@spie/contract/diagnostics';
import { describe, expect, it } from 'vitest';

const TODAY = new Date('2026-11-02T09:00:00Z');

function content(
  situation: DiagnosticContentInput['situation'],
  impacts: Partial<Record<ConstraintFamily, ImpactLevel>> = {},
) {
  return diagnosticContent.parse({
    situation,
    constraints: Object.fromEntries(Object.entries(impacts).map(([f, impact]) => [f, { impact }])),
  });
}

describe('recommendPath: the national criteria, in order', () => {
  describe('1. activity now or within two years', () => {
    it('in work (CDD) without a strong constraint: employment, decided by activity', () => {
      const r = recommendPath(
        content({ workSituation: 'cdd' }, { logement: 'moyen', mobilite: 'moyen' }),
        TODAY,
      );
      expect(r).toMatchObject({ path: 'emploi', criterion: 'activity' });
      expect(r.explanation).toMatch(/en activité/);
    });
    it('in training counts as activity', () => {
      expect(recommendPath(content({ workSituation: 'formation' }), TODAY)).toMatchObject({
        path: 'emploi',
        criterion: 'activity',
      });
    });
    it('a job ended less than two years ago: employment', () => {
      const r = recommendPath(content({ workSituation: 'sans_emploi', lastJobEndedOn: '2025-03-01' }), TODAY);
      expect(r).toMatchObject({ path: 'emploi', criterion: 'activity' });
      expect(r.explanation).toMatch(/moins de 2 ans/);
    });
    it('a job ended more than two years ago does not settle it: the constraints do', () => {
      const r = recommendPath(
        content(
          { workSituation: 'sans_emploi', lastJobEndedOn: '2024-06-01' },
          { logement: 'fort', sante: 'fort' },
        ),
        TODAY,
      );
      expect(r).toMatchObject({ path: 'social', criterion: 'constraints' });
    });
    it('recent activity but a strong constraint: the activity criterion steps aside', () => {
      const r = recommendPath(content({ workSituation: 'interim' }, { logement: 'fort' }), TODAY);
      expect(r).toMatchObject({ path: 'socio_professionnel', criterion: 'constraints' });
    });
    it('recent activity but cannot picture a job: projection decides', () => {
      const r = recommendPath(content({ workSituation: 'cdd', canProjectIntoWork: 'no' }), TODAY);
      expect(r).toMatchObject({ path: 'socio_professionnel', criterion: 'projection' });
    });
  });

  describe('2. ability to project into work', () => {
    it('cannot project, no strong constraint: socio-professional', () => {
      expect(
        recommendPath(content({ canProjectIntoWork: 'no' }, { finances: 'moyen' }), TODAY),
      ).toMatchObject({
        path: 'socio_professionnel',
        criterion: 'projection',
      });
    });
    it('cannot project with a strong constraint: social, naming it', () => {
      const r = recommendPath(content({ canProjectIntoWork: 'no' }, { sante: 'fort' }), TODAY);
      expect(r).toMatchObject({ path: 'social', criterion: 'projection' });
      expect(r.explanation).toContain('santé');
    });
  });

  describe('3. training level', () => {
    it('no diploma and French A1: socio-professional even without constraints', () => {
      const r = recommendPath(content({ educationLevel: 'none', frenchLevel: 'A1' }), TODAY);
      expect(r).toMatchObject({ path: 'socio_professionnel', criterion: 'training' });
    });
    it('no diploma but French B2: the constraints decide (employment)', () => {
      expect(recommendPath(content({ educationLevel: 'none', frenchLevel: 'B2' }), TODAY)).toMatchObject({
        path: 'emploi',
        criterion: 'constraints',
      });
    });
    it('no diploma, French to assess, two strong constraints: the constraints decide (social)', () => {
      expect(
        recommendPath(
          content(
            { educationLevel: 'none', frenchLevel: 'to_assess' },
            { logement: 'fort', famille: 'fort' },
          ),
          TODAY,
        ),
      ).toMatchObject({ path: 'social', criterion: 'constraints' });
    });
  });

  describe('4. level of each constraint', () => {
    it('two strong constraints: social', () => {
      const r = recommendPath(content({}, { logement: 'fort', finances: 'fort' }), TODAY);
      expect(r).toMatchObject({ path: 'social', criterion: 'constraints' });
      expect(r.explanation).toBe('Plusieurs freins à impact fort (logement, finances).');
    });
    it('one strong constraint: socio-professional', () => {
      expect(recommendPath(content({}, { mobilite: 'fort' }), TODAY)).toMatchObject({
        path: 'socio_professionnel',
        criterion: 'constraints',
      });
    });
    it('two medium constraints: socio-professional', () => {
      const r = recommendPath(content({}, { mobilite: 'moyen', numerique: 'moyen' }), TODAY);
      expect(r).toMatchObject({ path: 'socio_professionnel', criterion: 'constraints' });
      expect(r.explanation).toMatch(/impact moyen/);
    });
    it('one medium constraint: employment', () => {
      const r = recommendPath(content({}, { numerique: 'moyen', logement: 'sans_impact' }), TODAY);
      expect(r).toMatchObject({ path: 'emploi', criterion: 'constraints' });
      expect(r.explanation).toBe('Un seul frein à impact moyen (numérique).');
    });
    it('nothing explored: employment, no constraint in the way', () => {
      expect(recommendPath(content({}), TODAY)).toMatchObject({ path: 'emploi', criterion: 'constraints' });
    });
  });

  it('says the recommendation in one French sentence', () => {
    const r = recommendPath(content({}, { logement: 'fort', finances: 'fort' }), TODAY);
    expect(recommendationSentence(r)).toBe(
      'Parcours recommandé : social. Plusieurs freins à impact fort (logement, finances).',
    );
  });
});
