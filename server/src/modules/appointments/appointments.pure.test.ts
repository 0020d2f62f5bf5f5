import {
  type AppointmentAction,
  type AppointmentStatus,
  appointmentActions,
  appointmentStatuses,
} from '@spie/contract/appointments';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { checkAppointmentTransition } from './appointments.engine';
import { appointmentIcs, escapeIcsText, foldIcsLine } from './ics';
import { appointmentMessage, type PersonContact, reachFor } from './messages';
import { frenchDateTimeWords, fromParisLocal, toParisLocal } from './parisTime';

describe('France local time ↔ instant', () => {
  it.each([
    ['2026-11-24T10:30', '2026-11-24T09:30:00.000Z'], // winter: UTC+1
    ['2026-07-01T09:00', '2026-07-01T07:00:00.000Z'], // summer: UTC+2
    ['2027-03-28T01:59', '2027-03-28T00:59:00.000Z'], // just before clocks go forward
    ['2027-03-28T03:00', '2027-03-28T01:00:00.000Z'], // just after
    ['2027-03-29T10:00', '2027-03-29T08:00:00.000Z'],
    ['2026-10-25T02:30', '2026-10-25T00:30:00.000Z'], // happens twice: the first (summer time)
    ['2026-10-25T03:00', '2026-10-25T02:00:00.000Z'],
    ['2026-12-31T23:45', '2026-12-31T22:45:00.000Z'], // the instant is still in 2026 in UTC too
    ['2027-01-01T00:15', '2026-12-31T23:15:00.000Z'], // another year in UTC
  ])('%s in France is %s', (local, iso) => {
    const at = fromParisLocal(local);
    expect(at?.toISOString()).toBe(iso);
    expect(toParisLocal(at as Date)).toBe(local);
  });

  it.each([
    '2027-03-28T02:30',
    '2027-03-28T02:00',
    '2026-02-29T10:00',
    '2026-04-31T10:00',
    '2026-11-24T24:00',
  ])('%s does not exist', (local) => {
    expect(fromParisLocal(local)).toBeNull();
  });

  it('reads every hour of a year back as the same local time', () => {
    for (
      let t = Date.parse('2026-01-01T00:00:00Z');
      t < Date.parse('2027-01-01T00:00:00Z');
      t += 60 * 60_000
    ) {
      const local = toParisLocal(new Date(t));
      const back = fromParisLocal(local);
      // The repeated hour of October maps to its first occurrence.
      if (back?.getTime() !== t) expect(back?.getTime()).toBe(t - 3_600_000);
    }
  });

  it('says the date and time in French words', () => {
    expect(frenchDateTimeWords(new Date('2026-11-24T09:30:00Z'))).toBe('mardi 24 novembre 2026 à 10 h 30');
    expect(frenchDateTimeWords(new Date('2026-07-01T07:00:00Z'))).toBe('mercredi 1er juillet 2026 à 9 h');
    expect(frenchDateTimeWords(new Date('2026-11-02T13:05:00Z'))).toBe('lundi 2 novembre 2026 à 14 h 05');
  });
});

describe('the transition table, before and after the start', () => {
  const startsAt = new Date('2026-11-10T09:30:00Z');
  const before = new Date('2026-11-10T09:29:00Z');
  const after = new Date('2026-11-10T09:30:00Z');
  const fields = { reason: 'Malade', startsAt: new Date(), outcomeNote: 'RAS' };
  // Written out by hand from the issue: "status action when" → resulting status.
  const EXPECTED: Record<string, AppointmentStatus> = {
    'prevu reschedule future': 'prevu',
    'prevu markExcused future': 'excuse',
    'prevu cancel future': 'annule',
    'prevu markHeld past': 'honore',
    'prevu markAbsent past': 'absent',
    'prevu markExcused past': 'excuse',
    'honore correct past': 'absent',
    'absent correct past': 'honore',
    'excuse correct past': 'honore',
  };
  const cases = appointmentStatuses.flatMap((status) =>
    appointmentActions.flatMap((action) =>
      (['future', 'past'] as const).map((when) => [status, action, when] as const),
    ),
  );
  it.each(cases)('%s + %s (%s)', (status, action: AppointmentAction, when) => {
    const key = `${status} ${action} ${when}`;
    const corrected: AppointmentStatus = status === 'honore' ? 'absent' : 'honore';
    let result: string;
    try {
      result = checkAppointmentTransition({
        status,
        startsAt,
        now: when === 'past' ? after : before,
        action,
        fields,
        correctedStatus: corrected,
      }).to;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      expect(e.kind).toBe('invalid_transition');
      expect(e.details?.allowedLabels).toBeInstanceOf(Array);
      result = 'refused';
    }
    expect(result).toBe(EXPECTED[key] ?? 'refused');
  });

  it('lists the allowed actions by label when refusing', () => {
    try {
      checkAppointmentTransition({ status: 'prevu', startsAt, now: before, action: 'markHeld' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe('appointments.invalid_transition');
      expect(err.message).toMatch(/pas encore eu lieu/);
      expect(err.details?.allowedLabels).toEqual([
        'Déplacer le rendez-vous',
        'La personne s’est excusée',
        'Annuler le rendez-vous',
      ]);
    }
  });

  it('asks for the fields the table requires', () => {
    const run = (action: AppointmentAction, f: Record<string, unknown>, corrected?: AppointmentStatus) => {
      try {
        checkAppointmentTransition({
          status: action === 'correct' ? 'absent' : 'prevu',
          startsAt,
          now: action === 'correct' ? after : before,
          action,
          fields: f,
          correctedStatus: corrected,
        });
        return 'ok';
      } catch (e) {
        return `${(e as DomainError).code} ${(e as DomainError).fields?.map((x) => x.path).join(',')}`;
      }
    };
    expect(run('cancel', {})).toBe('appointments.missing_fields reason');
    expect(run('cancel', { reason: '  ' })).toBe('appointments.missing_fields reason');
    expect(run('markExcused', {})).toBe('appointments.missing_fields reason');
    expect(run('reschedule', {})).toBe('appointments.missing_fields startsAt');
    expect(run('correct', {})).toBe('appointments.missing_fields status');
    expect(run('correct', {}, 'absent')).toBe('appointments.same_status status');
    expect(run('correct', {}, 'annule')).toBe('appointments.missing_fields status');
    expect(run('correct', {}, 'honore')).toBe('ok');
  });
});

describe('channels and messages', () => {
  const person = (p: Partial<PersonContact>): PersonContact => ({
    first_names: ['Alice'],
    birth_name: 'Martin',
    usage_name: null,
    preferred_channel: null,
    phone_mobile: null,
    phone_invalid_at: null,
    email: null,
    email_invalid_at: null,
    address_line: null,
    postal_code: null,
    commune_name: null,
    ...p,
  });
  it('uses the preferred channel when usable, else SMS, e-mail, letter; never a letter to remind', () => {
    const all = {
      phone_mobile: '0600000000',
      email: 'a@example.org',
      address_line: '1 rue A',
      postal_code: '93000',
    };
    expect(reachFor(person({ ...all, preferred_channel: 'email' }), 'confirmation').channel).toBe('email');
    expect(reachFor(person({ ...all, preferred_channel: 'letter' }), 'confirmation').channel).toBe('letter');
    expect(reachFor(person({ ...all, preferred_channel: 'letter' }), 'reminder').channel).toBe('sms');
    expect(reachFor(person({ ...all, preferred_channel: 'phone' }), 'confirmation').channel).toBe('phone');
    expect(reachFor(person({ ...all, preferred_channel: 'phone' }), 'reminder').channel).toBe('phone');
    expect(
      reachFor(person({ ...all, preferred_channel: 'sms', phone_invalid_at: new Date() }), 'confirmation')
        .channel,
    ).toBe('email');
    expect(reachFor(person({ address_line: '1 rue A', postal_code: '93000' }), 'reminder').channel).toBe(
      'none',
    );
    expect(reachFor(person({ preferred_channel: 'letter' }), 'confirmation').channel).toBe('none');
    const letter = reachFor(
      person({ preferred_channel: 'letter', address_line: '1 rue A', postal_code: '93000' }),
      'confirmation',
    );
    expect(letter).toEqual({ channel: 'letter', recipient: 'Alice MARTIN, 1 rue A, 93000' });
  });

  it('says when, where, with whom and how to excuse oneself, and nothing about the person', () => {
    const org = {
      name: 'ALI Bobigny',
      phone: '01 23 45 67 89',
      email: null,
      address_line: '25 rue X',
      postal_code: '93000',
      commune_name: 'Bobigny',
    };
    const facts = {
      type: 'accompagnement' as const,
      startsAt: new Date('2026-11-24T09:30:00Z'),
      durationMinutes: 45,
      mode: 'sur_place' as const,
      address: '25 rue X, 93000 Bobigny',
      visioUrl: null,
    };
    const sms = appointmentMessage('confirmation', 'sms', facts, org);
    expect(sms.body).toBe(
      'ALI Bobigny : Vous avez rendez-vous le mardi 24 novembre 2026 à 10 h 30, à l’adresse suivante : 25 rue X, 93000 Bobigny. Si vous ne pouvez pas venir, prévenez ALI Bobigny par téléphone au 01 23 45 67 89.',
    );
    const visio = appointmentMessage(
      'rappel',
      'email',
      { ...facts, mode: 'visio', address: null, visioUrl: 'https://visio.example.org/abc' },
      org,
    );
    expect(visio.subject).toBe('Rappel de votre rendez-vous du mardi 24 novembre 2026 à 10 h 30');
    expect(visio.body).toContain('https://visio.example.org/abc');
    expect(visio.body).toContain('prévenez ALI Bobigny par téléphone au 01 23 45 67 89');
    const phone = appointmentMessage(
      'confirmation',
      'sms',
      { ...facts, mode: 'telephone', address: null },
      org,
    );
    expect(phone.body).toContain('par téléphone : ALI Bobigny vous appellera');
    const cancel = appointmentMessage('annulation', 'sms', facts, { ...org, phone: null });
    expect(cancel.body).toContain('est annulé');
    expect(cancel.body).toContain('prévenez ALI Bobigny (25 rue X, 93000 Bobigny)');
  });
});

describe('ICS file', () => {
  const base = {
    id: '7d6b4a1e-1111-4222-8333-944444444444',
    type: 'signature' as const,
    startsAt: new Date('2026-11-24T09:30:00Z'),
    durationMinutes: 45,
    mode: 'sur_place' as const,
    address: '25 rue de l’Exemple, 93000 Bobigny',
    visioUrl: null,
    organisationName: 'ALI Bobigny',
    status: 'prevu',
    stamp: new Date('2026-11-02T09:00:00Z'),
    sequence: 0,
  };
  it('has the appointment id as UID, UTC times, the type and the place, CRLF lines', () => {
    const ics = appointmentIcs(base);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`\r\nUID:${base.id}\r\n`);
    expect(ics).toContain('\r\nDTSTART:20261124T093000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20261124T101500Z\r\n');
    expect(ics).toContain('\r\nSUMMARY:Rendez-vous : Signature du contrat\r\n');
    expect(ics).toContain('\r\nLOCATION:25 rue de l’Exemple\\, 93000 Bobigny\r\n');
    expect(ics).toContain('\r\nSTATUS:CONFIRMED\r\n');
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const phone = appointmentIcs({
      ...base,
      mode: 'telephone',
      address: null,
      status: 'annule',
      sequence: 3,
    });
    expect(phone).toContain('LOCATION:Par téléphone');
    expect(phone).toContain('STATUS:CANCELLED');
    expect(phone).toContain('SEQUENCE:3');
  });

  it('escapes text and folds long lines without cutting a character', () => {
    expect(escapeIcsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const long = `LOCATION:${'é'.repeat(80)}`;
    const folded = foldIcsLine(long);
    const parts = folded.split('\r\n ');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => Buffer.byteLength(p) <= 75)).toBe(true);
    expect(parts.join('')).toBe(long);
  });
});
