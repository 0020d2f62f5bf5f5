import { describe, expect, it } from 'vitest';
import {
  appointmentInWords,
  channelOptionLabel,
  channelWords,
  dayInWords,
  hoursInWords,
  hoursPerWeekLine,
  momentInWords,
  telHref,
  weeklyActivityWords,
} from './signatureFormat';

describe('summary wording', () => {
  it('says hours in words', () => {
    expect(hoursInWords(15)).toBe('15 heures');
    expect(hoursInWords(1)).toBe('1 heure');
    expect(hoursInWords(7.5)).toBe('7 heures 30');
    expect(hoursInWords(2.25)).toBe('2 heures 15');
    expect(hoursInWords(0.5)).toBe('30 minutes');
  });

  it('gives the weekly hours of an action, or nothing when there are none', () => {
    expect(hoursPerWeekLine(3)).toBe('Environ 3 heures par semaine');
    expect(hoursPerWeekLine(0)).toBeNull();
  });

  it('says the weekly activity, with the reduction or waiver sentence', () => {
    expect(weeklyActivityWords(15, null)).toEqual([
      'Chaque semaine, je fais 15 heures d’activité : ateliers, rendez-vous, formation, stage…',
    ]);
    expect(
      weeklyActivityWords(0, 'Dispense jusqu’au 31 décembre 2026 : parent isolé sans solution de garde.'),
    ).toEqual([
      'Pour le moment, je n’ai pas d’heures d’activité à faire chaque semaine.',
      'Dispense jusqu’au 31 décembre 2026 : parent isolé sans solution de garde.',
    ]);
  });

  it('writes days, moments and appointments in Paris time', () => {
    expect(dayInWords('2027-03-01')).toBe('1 mars 2027');
    expect(momentInWords('2027-03-12T13:05:00Z')).toBe('12 mars 2027 à 14 h 05');
    // Summer time: UTC+2.
    expect(momentInWords('2027-07-01T07:30:00Z')).toBe('1 juillet 2027 à 09 h 30');
    expect(appointmentInWords('2027-01-12T13:00:00Z')).toBe('Mardi 12 janvier 2027 à 14 h 00');
    expect(appointmentInWords('2027-01-12T13:00:00Z', false)).toBe('mardi 12 janvier 2027 à 14 h 00');
  });

  it('names the channel the code goes to', () => {
    expect(channelWords('sms', '06 •• •• •• 12')).toBe('par SMS au 06 •• •• •• 12');
    expect(channelWords('email', 'm•••@exemple.fr')).toBe('par e-mail à m•••@exemple.fr');
    expect(channelOptionLabel('sms', '06 •• •• •• 12')).toBe('Par SMS au 06 •• •• •• 12');
  });
});

describe('contact links', () => {
  it('makes French numbers international in tel: links', () => {
    expect(telHref('01 23 45 67 89')).toBe('tel:+33123456789');
    expect(telHref('06.12.34.56.78')).toBe('tel:+33612345678');
    expect(telHref('+33 1 23 45 67 89')).toBe('tel:+33123456789');
    expect(telHref('3949')).toBe('tel:3949');
  });
});
