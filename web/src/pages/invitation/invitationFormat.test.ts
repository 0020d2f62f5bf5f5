import { describe, expect, it } from 'vitest';
import {
  callbackSentence,
  normalizeToken,
  placesInWords,
  slotHintLines,
  slotLabel,
} from './invitationFormat';

describe('invitation wording', () => {
  it('accepts a code typed with spaces or dashes, refuses what cannot be a code', () => {
    expect(normalizeToken('ABCD-EFGH-JKMN')).toBe('ABCDEFGHJKMN');
    expect(normalizeToken(' abcd efgh jkmn ')).toBe('abcdefghjkmn');
    expect(normalizeToken('abc')).toBeNull();
    expect(normalizeToken('abcd/efgh/jkmn')).toBeNull();
  });

  it('writes a slot in words with the places left', () => {
    expect(slotLabel({ startsAtLocal: '2026-11-24T10:30' })).toBe('Mardi 24 novembre 2026 à 10 h 30');
    expect(placesInWords(3)).toBe('3 places');
    expect(placesInWords(1)).toBe('1 place');
    expect(placesInWords(0)).toBe('Complet');
    expect(
      slotHintLines({
        mode: 'sur_place',
        address: '3 rue Haute, Bobigny',
        durationMinutes: 30,
        placesLeft: 2,
      }),
    ).toEqual(['Adresse : 3 rue Haute, Bobigny', 'Durée : 30 minutes', '2 places']);
    expect(slotHintLines({ mode: 'telephone', address: null, durationMinutes: 60, placesLeft: 1 })).toEqual([
      'Par téléphone : nous vous appellerons',
      'Durée : 1 heure',
      '1 place',
    ]);
  });

  it('says when the organisation calls back', () => {
    expect(callbackSentence('ALI Bobigny', 'matin')).toBe(
      'ALI Bobigny va vous appeler le matin, dans les prochains jours.',
    );
    expect(callbackSentence('ALI Bobigny', null)).toBe(
      'ALI Bobigny va vous appeler, dans les prochains jours.',
    );
  });
});
