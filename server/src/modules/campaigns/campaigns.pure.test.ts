import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldCrypto } from '../../kernel/crypto';
import { fillMessage, reminderText } from './campaigns.messages';
import { convocationTimes, fromParisLocal, parisDayStart } from './campaigns.time';
import {
  hashInvitationCode,
  invitationCode,
  invitationUrl,
  normaliseCode,
  spacedCode,
} from './campaigns.tokens';

const crypto = new FieldCrypto(Buffer.alloc(32, 7));

describe('invitation codes', () => {
  it('are 12 characters without I, L, O or U, the same for the same recipient, different between recipients', () => {
    const a = invitationCode(crypto, '7d1f1c2e-0000-4000-8000-000000000001');
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(invitationCode(crypto, '7d1f1c2e-0000-4000-8000-000000000001')).toBe(a);
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => invitationCode(crypto, `recipient-${i}`)));
    expect(codes.size).toBe(2000);
    // another server key, other codes
    expect(
      invitationCode(new FieldCrypto(Buffer.alloc(32, 8)), '7d1f1c2e-0000-4000-8000-000000000001'),
    ).not.toBe(a);
  });

  it('are found again however they are typed', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const code = invitationCode(crypto, id);
        const typed = spacedCode(code).toLowerCase().replaceAll('1', 'l').replaceAll('0', 'o');
        expect(normaliseCode(typed)).toBe(code);
        expect(hashInvitationCode(typed)).toBe(hashInvitationCode(code));
      }),
    );
    expect(spacedCode('ABCD2345EFGH')).toBe('ABCD 2345 EFGH');
    expect(invitationUrl('ABCD2345EFGH', null)).toBe('/rdv/ABCD2345EFGH');
    expect(invitationUrl('ABCD2345EFGH', 'https://spie.seine-saint-denis.fr')).toBe(
      'https://spie.seine-saint-denis.fr/rdv/ABCD2345EFGH',
    );
  });
});

describe('convocation times', () => {
  it('one every interval, the next weekday at 09:00 once the day is over', () => {
    expect(convocationTimes('2026-11-20T16:00', 5, 30, '17:00')).toEqual([
      '2026-11-20T16:00',
      '2026-11-20T16:30',
      '2026-11-20T17:00',
      '2026-11-23T09:00', // Friday → Monday
      '2026-11-23T09:30',
    ]);
  });

  it('a first time on a weekend or after the end of the day moves to the next weekday morning', () => {
    expect(convocationTimes('2026-11-21T10:00', 2, 45, '17:00')).toEqual([
      '2026-11-23T09:00',
      '2026-11-23T09:45',
    ]);
    expect(convocationTimes('2026-11-18T18:00', 1, 30, '17:00')).toEqual(['2026-11-19T09:00']);
    // a day ending before 09:00 still holds the 09:00 one
    expect(convocationTimes('2026-11-18T09:00', 3, 30, '08:00')).toEqual([
      '2026-11-18T09:00',
      '2026-11-19T09:00',
      '2026-11-20T09:00',
    ]);
  });

  it('never on a weekend, never after the end of the day, always increasing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 10, max: 240 }),
        fc.integer({ min: 1, max: 200 }),
        (dayOffset, interval, count) => {
          const first = new Date(Date.UTC(2026, 10, 2 + dayOffset, 8, 0)).toISOString().slice(0, 16);
          const times = convocationTimes(first, count, interval, '17:00');
          expect(times).toHaveLength(count);
          for (const t of times) {
            const day = new Date(`${t.slice(0, 10)}T12:00:00Z`).getUTCDay();
            expect(day).not.toBe(0);
            expect(day).not.toBe(6);
            expect(t.slice(11) <= '17:00').toBe(true);
          }
          expect([...times].sort()).toEqual(times);
          expect(new Set(times).size).toBe(count);
        },
      ),
    );
  });

  it('the link works until the end of its last day in France (winter and summer time)', () => {
    expect(parisDayStart('2026-11-13').toISOString()).toBe('2026-11-12T23:00:00.000Z');
    expect(parisDayStart('2027-06-13').toISOString()).toBe('2027-06-12T22:00:00.000Z');
    expect(fromParisLocal('2026-11-16T09:30')?.toISOString()).toBe('2026-11-16T08:30:00.000Z');
  });
});

describe('messages', () => {
  it('replace every placeholder', () => {
    expect(
      fillMessage('Bonjour {prenom}, {structure} vous attend ({structure}) : {lien}', {
        prenom: 'Nina',
        structure: 'ALI Bobigny',
        lien: '/rdv/X',
      }),
    ).toBe('Bonjour Nina, ALI Bobigny vous attend (ALI Bobigny) : /rdv/X');
    expect(
      reminderText({ prenom: 'Nina', structure: 'ALI Bobigny', lien: '/rdv/X', expiresOn: '2026-11-12' }),
    ).toBe(
      'Bonjour Nina, ALI Bobigny attend votre réponse. Choisissez un rendez-vous ou demandez à être rappelé·e au plus tard le jeudi 12 novembre 2026 : /rdv/X',
    );
  });
});
