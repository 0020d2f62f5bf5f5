import { referralStatuses } from '@spie/contract/referrals';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import {
  attendanceWeeks,
  countsText,
  daysLeftText,
  formatDistance,
  formatHours,
  linkProblem,
  mondayOf,
  nextStepText,
  offersBasisText,
  parseHours,
  placesText,
  weekLabel,
} from './referralFormat';

const basis = {
  commune: { code: '93029', name: 'Drancy' },
  radiusKm: 15,
  needs: [],
  publics: [],
  diagnosticVersion: 2,
};

describe('offers wording', () => {
  it('explains what the offers are based on', () => {
    expect(offersBasisText(basis, '2026-03-12')).toBe(
      'D’après le diagnostic du 12/03/2026, la commune de Drancy et un rayon de 15 km.',
    );
    expect(offersBasisText(basis, null)).toBe(
      'D’après le dernier diagnostic, la commune de Drancy et un rayon de 15 km.',
    );
    expect(offersBasisText({ ...basis, commune: null, diagnosticVersion: null }, null)).toBe(
      'D’après un rayon de 15 km.',
    );
    expect(offersBasisText({ ...basis, diagnosticVersion: null }, null)).toBe(
      'D’après la commune de Drancy et un rayon de 15 km.',
    );
  });

  it('says places, waiting list and distance in words', () => {
    expect(placesText(3, 0)).toBe('3 places libres');
    expect(placesText(1, 0)).toBe('1 place libre');
    expect(placesText(0, 2)).toBe('Complet (2 en liste d’attente)');
    expect(placesText(null, 0)).toBe('Nombre de places non indiqué');
    expect(formatDistance(3.24)).toBe('3,2 km');
    expect(formatDistance(null)).toBeNull();
  });
});

describe('weeks and hours', () => {
  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-11-21')).toBe('2026-11-16'); // Saturday
    expect(mondayOf('2026-11-16')).toBe('2026-11-16'); // Monday
    expect(mondayOf('2026-11-22T10:00:00Z')).toBe('2026-11-16'); // Sunday
  });

  it('lists this week and the previous ones, newest first', () => {
    expect(attendanceWeeks('2026-11-21', null, 3)).toEqual(['2026-11-16', '2026-11-09', '2026-11-02']);
    expect(attendanceWeeks('2026-01-07', null, 2)).toEqual(['2026-01-05', '2025-12-29']);
    expect(attendanceWeeks('2026-11-22')).toHaveLength(12);
  });

  it('offers no week before the entry', () => {
    expect(attendanceWeeks('2026-11-22', '2026-11-11')).toEqual(['2026-11-16', '2026-11-09']);
    expect(attendanceWeeks('2026-11-22', '2026-11-22')).toEqual(['2026-11-16']);
  });

  it('labels a week and hours in French', () => {
    expect(weekLabel('2026-11-16')).toBe('Semaine du 16/11/2026 au 22/11/2026');
    expect(formatHours(6)).toBe('6 h');
    expect(formatHours(7.5)).toBe('7,5 h');
  });

  it('reads hours typed with a comma or a point, refuses anything else', () => {
    expect(parseHours('6')).toBe(6);
    expect(parseHours(' 7,5 ')).toBe(7.5);
    expect(parseHours('7.25')).toBe(7.25);
    expect(parseHours('')).toBeNull();
    expect(parseHours('-2')).toBeNull();
    expect(parseHours('six')).toBeNull();
  });
});

describe('status wording', () => {
  it('explains what happens next for every status, on both sides', () => {
    for (const status of referralStatuses) {
      expect(nextStepText(status, 'team', 'Asso Permis').length).toBeGreaterThan(10);
      expect(nextStepText(status, 'receiver', 'Asso Permis').length).toBeGreaterThan(10);
    }
    expect(nextStepText('envoyee', 'team', 'Asso Permis')).toContain('envoyée à Asso Permis');
    expect(nextStepText('en_cours', 'receiver', 'Asso Permis')).toContain('heures de présence');
  });

  it('sums up the counts by status and the days left', () => {
    expect(countsText({})).toBe('Aucune prescription.');
    expect(countsText({ acceptee: 1, envoyee: 3, refusee: 0 })).toBe(
      'Par état — Envoyée : 3 ; Acceptée : 1.',
    );
    expect(daysLeftText(null)).toBe('—');
    expect(daysLeftText(0)).toBe('Dernier jour');
    expect(daysLeftText(1)).toBe('1 jour');
    expect(daysLeftText(12)).toBe('12 jours');
  });

  it('tells a dead link from another failure', () => {
    const error = (code: string, status: number) =>
      new ApiError({ kind: 'not_found', code, message: 'x', status });
    expect(linkProblem(error('referral_link.expired', 410))).toBe('expired');
    expect(linkProblem(error('referral_link.replaced', 410))).toBe('replaced');
    expect(linkProblem(error('referral_link.unknown', 404))).toBe('unknown');
    expect(linkProblem(error('http.404', 404))).toBe('unknown');
    expect(linkProblem(error('network', 0))).toBe('other');
    expect(linkProblem(new Error('boom'))).toBe('other');
  });
});
