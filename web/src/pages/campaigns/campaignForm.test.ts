import { describe, expect, it } from 'vitest';
import {
  campaignForm,
  convocationForm,
  emptySlot,
  toConvocationBody,
  toLaunchBody,
  toPreviewBody,
  toSelection,
} from './campaignForm';
import { defaultCampaignMessage } from './campaignFormat';

const now = () => '2026-11-24T10:00';
const pro = '00000000-0000-4000-8000-00000000000a';
const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

const valid = {
  ruleIds: ['lost_contact' as const],
  organisationId: '',
  includeSnoozed: false,
  message: defaultCampaignMessage,
  appointmentType: 'accompagnement' as const,
  slots: [
    {
      ...emptySlot(undefined, pro),
      date: '2026-12-01',
      time: '09:30',
      address: '3 rue Haute, Bobigny',
      capacity: 3,
    },
  ],
  allowCallback: true,
  name: 'Perdu·e de vue — novembre 2026',
};

describe('new campaign form', () => {
  it('builds the launch body with the key, the communes and local slot times', () => {
    const values = campaignForm(now).parse(valid);
    expect(toLaunchBody(values, ['93008'], 'abcdef0123456789')).toEqual({
      idempotencyKey: 'abcdef0123456789',
      name: 'Perdu·e de vue — novembre 2026',
      selection: { ruleIds: ['lost_contact'], communeCodes: ['93008'], includeSnoozed: false },
      message: defaultCampaignMessage,
      appointmentType: 'accompagnement',
      slots: [
        {
          startsAt: '2026-12-01T09:30',
          durationMinutes: 30,
          mode: 'sur_place',
          address: '3 rue Haute, Bobigny',
          capacity: 3,
          professionalAccountId: pro,
        },
      ],
      allowCallback: true,
    });
  });

  it('says every mistake at once, in French', () => {
    const result = campaignForm(now).safeParse({
      ...valid,
      ruleIds: [],
      message: 'Bonjour, venez nous voir bientôt svp',
      slots: [{ ...valid.slots[0], date: '2026-11-20', capacity: 0, professionalAccountId: '' }],
      name: 'x',
    });
    expect(messages(result)).toEqual({
      ruleIds: 'Choisissez au moins un type d’alerte.',
      message: 'Le message doit contenir {lien} : c’est là que la personne répond.',
      'slots.0.capacity': 'Au moins 1 place par créneau.',
      'slots.0.professionalAccountId': 'Choisissez qui reçoit la personne.',
      'slots.0.date': 'Choisissez une date à venir.',
      name: 'Nom : 3 caractères au moins.',
    });
  });

  it('needs a slot or the call back, so the person can answer', () => {
    expect(
      messages(campaignForm(now).safeParse({ ...valid, slots: [], allowCallback: false })).allowCallback,
    ).toContain('Proposez au moins un créneau');
    expect(campaignForm(now).safeParse({ ...valid, slots: [] }).success).toBe(true);
  });

  it('copies the previous slot except its time', () => {
    expect(emptySlot(valid.slots[0])).toEqual({ ...valid.slots[0], time: '' });
  });

  it('asks the sample only with a valid message', () => {
    const selection = toSelection({
      ruleIds: ['lost_contact'],
      organisationId: 'org',
      includeSnoozed: true,
      communeCodes: [],
    });
    expect(selection).toEqual({
      ruleIds: ['lost_contact'],
      communeCodes: [],
      organisationId: 'org',
      includeSnoozed: true,
    });
    expect(toPreviewBody(selection, 'trop court')).toEqual({ selection });
    expect(toPreviewBody(selection, defaultCampaignMessage)).toEqual({
      selection,
      message: defaultCampaignMessage,
    });
  });
});

describe('convocation form', () => {
  const base = {
    firstDate: '2026-12-10',
    firstTime: '09:00',
    intervalMinutes: 30,
    durationMinutes: 30,
    dayEndsAt: '17:00',
    address: '3 rue Haute, Bobigny',
    professionalAccountId: pro,
  };

  it('builds the body', () => {
    expect(toConvocationBody(convocationForm(now).parse(base))).toEqual({
      firstStartsAt: '2026-12-10T09:00',
      intervalMinutes: 30,
      durationMinutes: 30,
      dayEndsAt: '17:00',
      mode: 'sur_place',
      address: '3 rue Haute, Bobigny',
      professionalAccountId: pro,
    });
  });

  it('refuses a past date, an end of day before the start, a tiny interval', () => {
    expect(messages(convocationForm(now).safeParse({ ...base, firstDate: '2026-11-01' }))).toEqual({
      firstDate: 'Choisissez une date à venir.',
    });
    expect(messages(convocationForm(now).safeParse({ ...base, dayEndsAt: '08:00' }))).toEqual({
      dayEndsAt: 'Le dernier rendez-vous de la journée doit être après le premier.',
    });
    expect(messages(convocationForm(now).safeParse({ ...base, intervalMinutes: 5 }))).toEqual({
      intervalMinutes: 'Au moins 10 minutes entre deux rendez-vous.',
    });
  });
});
