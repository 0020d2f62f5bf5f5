import { describe, expect, it } from 'vitest';
import {
  actionFields,
  createAppointmentDefaults,
  createAppointmentForm,
  rescheduleForm,
  statusActionForm,
  toCreateBody,
  toRescheduleBody,
  toStatusBody,
} from './appointmentForm';
import { appointmentFormPath } from './appointmentFormat';

const now = () => '2026-11-24T10:00';
const schema = createAppointmentForm(now);
const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('« Fixer un rendez-vous »', () => {
  const valid = {
    ...createAppointmentDefaults,
    type: 'suivi' as const,
    date: '2026-11-25',
    time: '10:30',
    address: '3 rue Haute, Bobigny',
  };

  it('builds the body with startsAt in local time and only the field of the mode', () => {
    const parsed = schema.parse(valid);
    expect(toCreateBody(parsed)).toEqual({
      type: 'suivi',
      startsAt: '2026-11-25T10:30',
      durationMinutes: 45,
      mode: 'sur_place',
      address: '3 rue Haute, Bobigny',
      notifyPerson: true,
    });
    const visio = schema.parse({ ...valid, mode: 'visio', visioUrl: 'https://visio.fr/abc', note: 'CV' });
    expect(toCreateBody(visio)).toEqual({
      type: 'suivi',
      startsAt: '2026-11-25T10:30',
      durationMinutes: 45,
      mode: 'visio',
      visioUrl: 'https://visio.fr/abc',
      notifyPerson: true,
      note: 'CV',
    });
  });

  it('asks for what is missing, in French, under the right field', () => {
    expect(messages(schema.safeParse(createAppointmentDefaults))).toMatchObject({
      type: 'Choisissez le type de rendez-vous.',
      date: 'Indiquez la date du rendez-vous.',
      address: 'Indiquez l’adresse du rendez-vous.',
    });
    expect(messages(schema.safeParse({ ...valid, time: '' }))).toEqual({
      time: 'Indiquez l’heure du rendez-vous.',
    });
    expect(messages(schema.safeParse({ ...valid, mode: 'visio', visioUrl: 'http://visio.fr' }))).toEqual({
      visioUrl: 'Lien de visioconférence : une adresse https:// est attendue.',
    });
    expect(messages(schema.safeParse({ ...valid, durationMinutes: 5 }))).toEqual({
      durationMinutes: 'Durée : au moins 10 minutes.',
    });
  });

  it('refuses a moment already past', () => {
    expect(messages(schema.safeParse({ ...valid, date: '2026-11-24', time: '09:59' })).date).toContain(
      'doit être dans le futur',
    );
  });

  it('puts the server’s startsAt error under the date', () => {
    expect(appointmentFormPath('startsAt')).toBe('date');
    expect(appointmentFormPath('address')).toBe('address');
  });
});

describe('actions on an appointment', () => {
  it('moves it with the revision for concurrency', () => {
    const values = rescheduleForm(now).parse({
      date: '2026-12-01',
      time: '14:00',
      durationMinutes: 30,
      notifyPerson: false,
    });
    expect(toRescheduleBody(values, 3)).toEqual({
      revision: 3,
      startsAt: '2026-12-01T14:00',
      durationMinutes: 30,
      notifyPerson: false,
    });
  });

  it('asks a reason to cancel or excuse, the outcome to correct', () => {
    expect(actionFields('cancel')).toEqual({ reason: 'required', status: false, outcomeNote: false });
    expect(actionFields('markExcused')).toEqual({ reason: 'required', status: false, outcomeNote: true });
    expect(actionFields('markHeld')).toEqual({ reason: null, status: false, outcomeNote: true });
    expect(actionFields('correct')).toEqual({ reason: 'optional', status: true, outcomeNote: true });
    expect(
      messages(statusActionForm('cancel').safeParse({ status: '', reason: ' ', outcomeNote: '' })),
    ).toEqual({
      reason: 'Indiquez un motif.',
    });
    expect(
      messages(statusActionForm('correct').safeParse({ status: 'prevu', reason: '', outcomeNote: '' })),
    ).toEqual({ status: 'Choisissez le bon résultat.' });
  });

  it('sends only the fields of the action', () => {
    expect(toStatusBody('markAbsent', { status: '', reason: 'x', outcomeNote: ' Pas venu ' }, 2)).toEqual({
      action: 'markAbsent',
      revision: 2,
      outcomeNote: 'Pas venu',
    });
    expect(toStatusBody('cancel', { status: '', reason: 'Malade', outcomeNote: 'x' }, 1)).toEqual({
      action: 'cancel',
      revision: 1,
      reason: 'Malade',
    });
    expect(toStatusBody('correct', { status: 'honore', reason: '', outcomeNote: '' }, 4)).toEqual({
      action: 'correct',
      revision: 4,
      status: 'honore',
    });
  });
});
