import type { Adjustment, WeekActivity } from '@spie/contract/contracts';
import { describe, expect, it } from 'vitest';
import {
  activitySentence,
  activitySummary,
  addDays,
  adjustmentOn,
  chartMax,
  chartTicks,
  expectedLabel,
  formatHours,
  mondayOf,
  parisDay,
  parseHours,
  recentWeeks,
  scaleY,
  twoYearRange,
  weekOptionLabel,
} from './activityFormat';
import { weekChoices } from './WeekDetailPanel';

function adjustment(overrides: Partial<Adjustment>): Adjustment {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'dispense',
    ground: 'parent_isole_sans_garde',
    justification: null,
    hours: 0,
    startOn: '2026-10-01',
    endOn: '2026-12-31',
    recordedBy: { accountId: '00000000-0000-4000-8000-000000000002', name: 'Claire Martin' },
    recordedAt: '2026-10-01T09:00:00Z',
    ...overrides,
  };
}

function week(overrides: Partial<WeekActivity>): WeekActivity {
  return {
    weekStart: '2026-11-16',
    targetHours: 15,
    plannedHours: 12,
    doneHours: 10,
    declaredHours: 0,
    adjustment: null,
    ...overrides,
  };
}

describe('weeks', () => {
  it('finds the Monday of any day, Sunday included', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-25')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('takes the Paris day, not the UTC one', () => {
    // 23:30 UTC on Sunday is already Monday in Paris (winter time, UTC+1).
    expect(parisDay(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(parisDay(new Date('2026-11-22T22:30:00Z'))).toBe('2026-11-22');
  });

  it('lists the last 12 weeks, the current one first, across a year change', () => {
    const weeks = recentWeeks('2027-01-04', 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toBe('2027-01-04');
    expect(weeks[1]).toBe('2026-12-28');
    expect(weeks[11]).toBe('2026-10-19');
  });

  it('offers no week before the contract starts', () => {
    expect(weekChoices('2026-11-23', '2026-11-11')).toEqual(['2026-11-23', '2026-11-16', '2026-11-09']);
    expect(weekChoices('2026-11-23', '2026-12-01')).toEqual([]);
    expect(weekChoices('2026-11-23', null)).toHaveLength(12);
  });

  it('covers two years (104 weeks) in the long view', () => {
    const range = twoYearRange('2026-11-23');
    expect(range.to).toBe('2026-11-23');
    expect(range.from).toBe(addDays('2026-11-23', -103 * 7));
    expect(mondayOf(range.from)).toBe(range.from);
  });

  it('names the weeks in the selector', () => {
    expect(weekOptionLabel('2026-11-23', '2026-11-23')).toBe('Semaine du 23/11/2026 (semaine en cours)');
    expect(weekOptionLabel('2026-11-16', '2026-11-23')).toBe('Semaine du 16/11/2026 (semaine dernière)');
    expect(weekOptionLabel('2026-11-09', '2026-11-23')).toBe('Semaine du 09/11/2026');
  });
});

describe('hours', () => {
  it('writes hours the French way', () => {
    expect(formatHours(15)).toBe('15 h');
    expect(formatHours(7.5)).toBe('7,5 h');
    expect(formatHours(0.25)).toBe('0,25 h');
  });

  it('reads hours typed with a comma or a point', () => {
    expect(parseHours('7,5')).toBe(7.5);
    expect(parseHours(' 12.25 ')).toBe(12.25);
    expect(parseHours('')).toBeNull();
    expect(parseHours('sept')).toBeNull();
    expect(parseHours('-3')).toBeNull();
  });
});

describe('activity in words', () => {
  it('says the target alone when nothing is adjusted', () => {
    expect(activitySentence(15, [], '2026-11-23')).toBe('Objectif : 15 h par semaine.');
  });

  it('says the waiver in force with its end date and ground', () => {
    expect(activitySentence(15, [adjustment({})], '2026-11-23')).toBe(
      'Objectif : 15 h par semaine. Dispense jusqu’au 31/12/2026 (parent isolé sans solution de garde).',
    );
  });

  it('says a reduction, and announces one starting later', () => {
    const reduction = adjustment({ kind: 'reduction', ground: 'sante', hours: 7.5, startOn: '2026-11-01' });
    const later = adjustment({
      kind: 'dispense',
      ground: 'autre',
      justification: 'hospitalisation d’un enfant',
      startOn: '2027-01-04',
      endOn: '2027-02-28',
    });
    expect(activitySentence(15, [reduction, later], '2026-11-23')).toBe(
      'Objectif : 15 h par semaine. Réduit à 7,5 h par semaine jusqu’au 31/12/2026 (santé). ' +
        'À partir du 04/01/2027 : dispense jusqu’au 28/02/2027 (autre motif : hospitalisation d’un enfant).',
    );
  });

  it('applies the latest-starting adjustment when two cover the day', () => {
    const first = adjustment({ id: '00000000-0000-4000-8000-00000000000a', startOn: '2026-10-01' });
    const second = adjustment({ id: '00000000-0000-4000-8000-00000000000b', startOn: '2026-11-01' });
    expect(adjustmentOn([second, first], '2026-11-23')?.id).toBe(second.id);
    expect(adjustmentOn([first], '2027-01-01')).toBeNull();
  });

  it('labels the expected hours of a week, with the adjustment in words', () => {
    expect(expectedLabel(week({}))).toBe('15 h');
    expect(
      expectedLabel(
        week({ targetHours: 0, adjustment: { kind: 'dispense', ground: 'sante', endOn: '2026-12-31' } }),
      ),
    ).toBe('0 h (dispense)');
    expect(
      expectedLabel(
        week({ targetHours: 7, adjustment: { kind: 'reduction', ground: 'sante', endOn: '2026-12-31' } }),
      ),
    ).toBe('7 h (réduction)');
  });

  it('summarises the chart in words', () => {
    const weeks = [
      week({ weekStart: '2026-11-09', doneHours: 15, plannedHours: 15 }),
      week({ weekStart: '2026-11-16', doneHours: 10, plannedHours: 12, declaredHours: 2 }),
      week({ weekStart: '2026-11-23', targetHours: 0, doneHours: 0, plannedHours: 0 }),
    ];
    expect(activitySummary(weeks)).toBe(
      'Sur 3 semaines : 25 h réalisées, 27 h prévues, 30 h attendues. Heures attendues atteintes 2 semaines sur 3.',
    );
    expect(activitySummary([])).toBe('Aucune semaine à afficher.');
  });
});

describe('chart scale', () => {
  it('rounds the top up to 5 h, at least 5 h', () => {
    expect(chartMax([])).toBe(5);
    expect(chartMax([week({ targetHours: 15, plannedHours: 12, doneHours: 16 })])).toBe(20);
    expect(chartMax([week({ targetHours: 0, plannedHours: 0, doneHours: 0 })])).toBe(5);
    expect(chartMax([week({ doneHours: 60 })])).toBe(60);
  });

  it('graduates the scale in readable steps', () => {
    expect(chartTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(chartTicks(35)).toEqual([0, 10, 20, 30]);
    expect(chartTicks(60)).toEqual([0, 20, 40, 60]);
  });

  it('scales values into the plot and never outside it', () => {
    expect(scaleY(10, 20, 160)).toBe(80);
    expect(scaleY(0, 20, 160)).toBe(0);
    expect(scaleY(25, 20, 160)).toBe(160);
    expect(scaleY(-1, 20, 160)).toBe(0);
    expect(scaleY(5, 0, 160)).toBe(0);
  });
});
