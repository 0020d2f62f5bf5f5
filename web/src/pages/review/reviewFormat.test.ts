import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  agoLabel,
  alertBadgeText,
  alertStateText,
  caseloadCsvHref,
  caseloadEmptyText,
  caseloadSummary,
  coverageSentence,
  daysBetween,
  durationLabel,
  lastContactLabel,
  matchingText,
  overviewSummary,
  paramBoundsHint,
  parisDay,
  rateLabel,
  recomputeSentence,
  reviewDueLabel,
  sortAlerts,
  splitRuleFieldErrors,
} from './reviewFormat';

const nbsp = '\u00a0';

describe('parisDay and daysBetween', () => {
  it('reads a timestamp as the French calendar day', () => {
    expect(parisDay('2026-08-03')).toBe('2026-08-03');
    // 23:30 UTC is already the next day in Paris (summer time).
    expect(parisDay('2026-08-03T23:30:00Z')).toBe('2026-08-04');
    expect(parisDay(null)).toBeNull();
    expect(parisDay('pas une date')).toBeNull();
  });

  it('counts whole days, across a change of time', () => {
    expect(daysBetween('2026-08-03', '2026-11-23')).toBe(112);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
  });
});

describe('« il y a N jours »', () => {
  it('says today, yesterday, or the number of days', () => {
    expect(agoLabel('2026-11-23', '2026-11-23')).toBe('aujourd’hui');
    expect(agoLabel('2026-11-22T10:00:00Z', '2026-11-23')).toBe('hier');
    expect(agoLabel('2026-08-03', '2026-11-23')).toBe('il y a 112 jours');
    expect(agoLabel('2026-12-01', '2026-11-23')).toBe('le 01/12/2026');
  });

  it('gives the last contact with its date, or says there was none', () => {
    expect(lastContactLabel('2026-08-03T09:00:00Z', '2026-11-23')).toBe('il y a 112 jours (03/08/2026)');
    expect(lastContactLabel(null, '2026-11-23')).toBe('Aucun contact enregistré');
  });
});

describe('reviewDueLabel', () => {
  it('flags a late « point de situation » in words', () => {
    expect(reviewDueLabel('2026-11-01', '2026-11-23')).toEqual({
      text: 'En retard depuis le 01/11/2026',
      late: true,
    });
    expect(reviewDueLabel('2026-11-23', '2026-11-23')).toEqual({ text: 'Aujourd’hui', late: false });
    expect(reviewDueLabel('2027-01-15', '2026-11-23')).toEqual({ text: 'Avant le 15/01/2027', late: false });
    expect(reviewDueLabel(null, '2026-11-23').late).toBe(false);
  });
});

describe('alert badges', () => {
  it('writes the severity next to the label', () => {
    expect(alertBadgeText({ severity: 'haute', label: 'Perdu·e de vue' })).toBe('Urgent : Perdu·e de vue');
    expect(alertBadgeText({ severity: 'basse', label: 'Point de situation à faire' })).toBe(
      'À surveiller : Point de situation à faire',
    );
  });

  it('sorts the most urgent first, open before acknowledged before snoozed, then by label', () => {
    const sorted = sortAlerts([
      { severity: 'moyenne', label: 'Sans contact', status: 'ouverte', snoozedUntil: null },
      { severity: 'haute', label: 'Perdu·e de vue', status: 'prise_en_compte', snoozedUntil: null },
      { severity: 'haute', label: 'Orientation en retard', status: 'ouverte', snoozedUntil: '2026-12-01' },
      { severity: 'haute', label: 'Pas de référent désigné', status: 'ouverte', snoozedUntil: null },
      { severity: 'basse', label: 'Atteint 26 ans', status: 'ouverte', snoozedUntil: null },
      { severity: 'haute', label: 'Contrat non signé', status: 'ouverte', snoozedUntil: null },
    ] as const);
    expect(sorted.map((a) => a.label)).toEqual([
      'Contrat non signé',
      'Pas de référent désigné',
      'Perdu·e de vue',
      'Orientation en retard',
      'Sans contact',
      'Atteint 26 ans',
    ]);
  });

  it('describes the state of an alert', () => {
    const today = '2026-11-23';
    expect(alertStateText({ status: 'ouverte', snoozedUntil: null, nextStepOn: null }, today)).toBeNull();
    expect(
      alertStateText({ status: 'prise_en_compte', snoozedUntil: null, nextStepOn: '2026-12-05' }, today),
    ).toBe('prise en compte, prochaine étape le 05/12/2026');
    expect(alertStateText({ status: 'ouverte', snoozedUntil: '2027-01-10', nextStepOn: null }, today)).toBe(
      'reportée jusqu’au 10/01/2027',
    );
    // A snooze that has ended is no longer mentioned.
    expect(
      alertStateText({ status: 'ouverte', snoozedUntil: '2026-11-01', nextStepOn: null }, today),
    ).toBeNull();
  });
});

describe('« Ma file active » texts', () => {
  it('gives the totals in one sentence', () => {
    expect(caseloadSummary({ people: 280, withAlerts: 23, snoozed: 0 })).toBe(
      '23 personnes sur 280 ont une alerte.',
    );
    expect(caseloadSummary({ people: 12, withAlerts: 1, snoozed: 2 })).toBe(
      '1 personne sur 12 a une alerte. 2 personnes ont une alerte reportée.',
    );
    expect(caseloadSummary({ people: undefined, withAlerts: 23, snoozed: 1 })).toBe(
      '23 personnes ont une alerte. 1 personne a une alerte reportée.',
    );
    expect(caseloadSummary({ people: 5, withAlerts: 0, snoozed: 0 })).toBe(
      'Aucune des 5 personnes que vous accompagnez n’a d’alerte en ce moment.',
    );
    expect(caseloadSummary({ people: 0, withAlerts: 0, snoozed: 0 })).toBe(
      'Vous n’accompagnez encore personne.',
    );
  });

  it('counts the people matching the filters only when a filter narrows the list', () => {
    expect(matchingText({ show: 'alertes' }, 23)).toBeNull();
    expect(matchingText({ show: 'tous', communeCode: '93008' }, 4)).toBe(
      '4 personnes correspondent à ces critères.',
    );
    expect(matchingText({ show: 'alertes', q: 'Dup' }, 1)).toBe('1 personne correspond à ces critères.');
    expect(matchingText({ show: 'alertes', q: 'Dup' }, 0)).toBeNull();
  });

  it('explains an empty list according to the filters', () => {
    expect(caseloadEmptyText({ show: 'alertes', ruleId: 'lost_contact' }, 10)).toMatch(
      /Aucune personne ne correspond/,
    );
    expect(caseloadEmptyText({ show: 'reportees' }, 10)).toBe('Aucune alerte n’est reportée.');
    expect(caseloadEmptyText({ show: 'alertes' }, 10)).toMatch(/n’a d’alerte en ce moment/);
    expect(caseloadEmptyText({ show: 'alertes' }, undefined)).toMatch(/n’a d’alerte en ce moment/);
    expect(caseloadEmptyText({ show: 'tous' }, 0)).toMatch(/Vous n’accompagnez encore personne/);
  });

  it('builds the CSV link with the same filters, leaving out the empty ones', () => {
    expect(caseloadCsvHref({ show: 'alertes' })).toBe('/api/review/caseload.csv?show=alertes');
    expect(
      caseloadCsvHref({
        show: 'tous',
        ruleId: 'lost_contact',
        severity: 'haute',
        communeCode: '93008',
        q: '  Dupont Marie ',
      }),
    ).toBe(
      '/api/review/caseload.csv?show=tous&ruleId=lost_contact&severity=haute&communeCode=93008&q=Dupont+Marie',
    );
    expect(caseloadCsvHref({ show: 'reportees', q: '   ' })).toBe('/api/review/caseload.csv?show=reportees');
  });
});

describe('managers’ counts', () => {
  it('writes rates the French way', () => {
    expect(rateLabel(78)).toBe(`78${nbsp}%`);
    expect(rateLabel(78.5)).toBe(`78,5${nbsp}%`);
    expect(rateLabel(null)).toBe('—');
  });

  it('gives the coverage of the « points de situation » in one sentence', () => {
    expect(coverageSentence({ people: 280, reviewedOnTime: 218, rate: 77.9 }, 90)).toBe(
      `77,9${nbsp}% des personnes vues dans les 90 jours (point de situation fait pour 218 sur 280).`,
    );
    expect(coverageSentence({ people: 0, reviewedOnTime: 0, rate: null }, 90)).toBe(
      'Aucune personne suivie pour le moment.',
    );
  });

  it('sums up the overview', () => {
    expect(overviewSummary({ people: 280, withAlerts: 57, alerts: 73 })).toBe(
      '280 personnes suivies, dont 57 avec au moins une alerte (73 alertes ouvertes).',
    );
    expect(overviewSummary({ people: 3, withAlerts: 0, alerts: 0 })).toBe(
      '3 personnes suivies, aucune alerte ouverte.',
    );
    expect(overviewSummary({ people: 0, withAlerts: 0, alerts: 0 })).toBe('Aucune personne suivie.');
  });
});

describe('rules page', () => {
  it('gives the bounds and the national value of a parameter', () => {
    const param = { min: 14, max: 730, default: 90, unit: 'jours' };
    expect(paramBoundsHint(param)).toBe('Entre 14 et 730 jours. Valeur nationale : 90 jours.');
    expect(paramBoundsHint(param, 'Alerte « perdu·e de vue »')).toBe(
      'Entre 14 et 730 jours. Valeur nationale : 90 jours. Ce délai est aussi celui des paramètres du territoire (Alerte « perdu·e de vue »).',
    );
  });

  it('puts the server’s errors named by a bare parameter key under that input', () => {
    const { matched, others } = splitRuleFieldErrors(
      [
        { path: 'days', message: 'Sans contact depuis plus de : au moins 14 jours.' },
        { path: 'params', message: 'Paramètre inconnu pour cette règle.' },
      ],
      ['days'],
    );
    expect(matched).toEqual([['days', 'Sans contact depuis plus de : au moins 14 jours.']]);
    expect(others).toEqual([{ path: 'params', message: 'Paramètre inconnu pour cette règle.' }]);
  });

  it('says how long the recompute took', () => {
    expect(durationLabel(350)).toBe('moins d’une seconde');
    expect(durationLabel(8240)).toBe('8,2 secondes');
    expect(durationLabel(125_000)).toBe('2 minutes et 5 secondes');
    expect(durationLabel(120_000)).toBe('2 minutes');
    expect(recomputeSentence({ people: 1, opened: 0, resolved: 1, durationMs: 900 })).toBe(
      '1 personne examinée, 0 alerte ouverte, 1 alerte résolue, en moins d’une seconde.',
    );
    expect(recomputeSentence({ people: 100_000, opened: 12, resolved: 3, durationMs: 8240 })).toBe(
      '100\u202f000 personnes examinées, 12 alertes ouvertes, 3 alertes résolues, en 8,2 secondes.',
    );
  });
});

describe('addDaysIso', () => {
  it('adds calendar days', () => {
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
  });
});
