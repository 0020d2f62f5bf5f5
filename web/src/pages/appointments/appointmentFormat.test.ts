import { describe, expect, it } from 'vitest';
import {
  addDays,
  agendaPeriodInWords,
  agendaRange,
  durationInWords,
  endTime,
  groupByDay,
  instantInWords,
  joinLocal,
  localInWords,
  mondayOf,
  parisNowLocal,
  parisToday,
  placeInWords,
  sentLines,
  shiftAgendaDay,
  splitLocal,
  timeInWords,
  timeRangeInWords,
} from './appointmentFormat';

describe('appointment dates in words', () => {
  it('writes the local date-time of France without converting it', () => {
    expect(localInWords('2026-11-24T10:30')).toBe('mardi 24 novembre 2026 à 10 h 30');
    expect(localInWords('2026-11-24T09:05', true)).toBe('Mardi 24 novembre 2026 à 9 h 05');
    expect(localInWords('pas une date')).toBe('pas une date');
    expect(timeInWords('14:00')).toBe('14 h 00');
    expect(instantInWords('2026-12-01T08:30:00.000Z', true)).toBe('Mardi 1 décembre 2026 à 9 h 30');
  });

  it('gives the end time and the duration', () => {
    expect(endTime('2026-11-24T10:30', 45)).toBe('11:15');
    expect(endTime('2026-11-24T23:30', 60)).toBe('23:59');
    expect(timeRangeInWords('2026-11-24T10:30', 45)).toBe('10 h 30 à 11 h 15');
    expect(durationInWords(45)).toBe('45 minutes');
    expect(durationInWords(60)).toBe('1 heure');
    expect(durationInWords(90)).toBe('1 heure 30');
    expect(durationInWords(120)).toBe('2 heures');
  });

  it('says where it takes place', () => {
    expect(placeInWords({ mode: 'sur_place', address: '3 rue Haute, Bobigny' })).toBe(
      'Sur place : 3 rue Haute, Bobigny',
    );
    expect(placeInWords({ mode: 'telephone', address: null })).toBe('Par téléphone');
    expect(placeInWords({ mode: 'visio', address: null, visioUrl: 'https://visio.fr/x' })).toBe(
      'En visioconférence',
    );
  });

  it('says when the confirmation and the reminder were sent', () => {
    const words = (iso: string) => `<${iso}>`;
    expect(sentLines({ confirmationSentAt: 'a', reminderSentAt: null }, words)).toEqual([
      'Confirmation envoyée le <a>',
    ]);
    expect(sentLines({ confirmationSentAt: 'a', reminderSentAt: 'b' }, words)).toEqual([
      'Confirmation envoyée le <a>',
      'Rappel envoyé le <b>',
    ]);
  });

  it('splits and joins the date and time inputs', () => {
    expect(splitLocal('2026-11-24T10:30')).toEqual({ date: '2026-11-24', time: '10:30' });
    expect(joinLocal('2026-11-24', '10:30')).toBe('2026-11-24T10:30');
    expect(joinLocal('2026-11-24', '10:30:00')).toBe('2026-11-24T10:30');
    expect(joinLocal('', '10:30')).toBe('');
  });

  it('knows today and now in France', () => {
    // 23:30 UTC in winter is already the next day in Paris.
    expect(parisToday(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    expect(parisNowLocal(new Date('2026-11-24T09:05:00Z'))).toBe('2026-11-24T10:05');
    expect(parisNowLocal(new Date('2026-07-01T09:05:00Z'))).toBe('2026-07-01T11:05');
  });
});

describe('agenda', () => {
  it('computes weeks from Monday to Sunday', () => {
    expect(mondayOf('2026-11-24')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    const week = agendaRange('semaine', '2026-11-26');
    expect(week.from).toBe('2026-11-23');
    expect(week.to).toBe('2026-11-29');
    expect(week.days).toHaveLength(7);
    expect(agendaRange('jour', '2026-11-26')).toEqual({
      from: '2026-11-26',
      to: '2026-11-26',
      days: ['2026-11-26'],
    });
  });

  it('moves by a day or a week', () => {
    expect(shiftAgendaDay('jour', '2026-11-30', 1)).toBe('2026-12-01');
    expect(shiftAgendaDay('semaine', '2026-11-24', -1)).toBe('2026-11-17');
  });

  it('names the period', () => {
    expect(agendaPeriodInWords('jour', '2026-11-24')).toBe('Mardi 24 novembre 2026');
    expect(agendaPeriodInWords('semaine', '2026-11-24')).toBe(
      'Semaine du lundi 23 novembre au dimanche 29 novembre 2026',
    );
  });

  it('groups by day in time order, with empty days kept', () => {
    const groups = groupByDay(
      ['2026-11-23', '2026-11-24'],
      [
        { id: 'b', startsAtLocal: '2026-11-24T14:00' },
        { id: 'a', startsAtLocal: '2026-11-24T09:00' },
        { id: 'z', startsAtLocal: '2026-12-01T09:00' },
      ],
    );
    expect(groups).toEqual([
      { day: '2026-11-23', items: [] },
      {
        day: '2026-11-24',
        items: [
          { id: 'a', startsAtLocal: '2026-11-24T09:00' },
          { id: 'b', startsAtLocal: '2026-11-24T14:00' },
        ],
      },
    ]);
  });
});
