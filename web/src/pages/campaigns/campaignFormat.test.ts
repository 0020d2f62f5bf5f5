import { describe, expect, it } from 'vitest';
import {
  campaignFormPath,
  convocationResultWords,
  defaultCampaignMessage,
  defaultCampaignName,
  keyFigures,
  newLaunchKey,
  percentOf,
  previewSentences,
  selectionKey,
} from './campaignFormat';

describe('launch key', () => {
  it('is 32 hexadecimal characters, from randomUUID or random bytes', () => {
    expect(newLaunchKey()).toMatch(/^[0-9a-f]{32}$/);
    expect(
      newLaunchKey({ randomUUID: () => '123e4567-e89b-42d3-a456-426614174000', getRandomValues: (a) => a }),
    ).toBe('123e4567e89b42d3a456426614174000');
    const fallback = newLaunchKey({
      getRandomValues: <T extends ArrayBufferView | null>(array: T) => {
        (array as unknown as Uint8Array).fill(171);
        return array;
      },
    });
    expect(fallback).toBe('ab'.repeat(16));
    expect(newLaunchKey()).not.toBe(newLaunchKey());
  });
});

describe('campaign wording', () => {
  it('has a default message with the three placeholders', () => {
    for (const placeholder of ['{prenom}', '{structure}', '{lien}'])
      expect(defaultCampaignMessage).toContain(placeholder);
    expect(defaultCampaignMessage.length).toBeLessThanOrEqual(480);
  });

  it('names the campaign after the alerts and the month', () => {
    const today = new Date('2026-11-24T10:00:00Z');
    expect(defaultCampaignName(['lost_contact'], today)).toBe('Perdu·e de vue — novembre 2026');
    expect(defaultCampaignName(['lost_contact', 'no_contact'], today)).toBe(
      'Perdu·e de vue et Sans contact — novembre 2026',
    );
    expect(defaultCampaignName(['lost_contact', 'no_contact', 'journey_gap'], today)).toBe(
      'Perdu·e de vue et autres — novembre 2026',
    );
  });

  it('says the preview in sentences', () => {
    expect(
      previewSentences({
        people: 214,
        byChannel: { sms: 120, email: 50, letter: 44 },
        withoutContact: 0,
        tooMany: false,
      }),
    ).toEqual([
      '214 personnes recevront l’invitation.',
      'Par SMS : 120, par courriel : 50, par courrier : 44.',
    ]);
    expect(previewSentences({ people: 1, byChannel: { sms: 0 }, withoutContact: 1, tooMany: false })).toEqual(
      [
        '1 personne recevra l’invitation.',
        '1 personne n’a ni téléphone, ni courriel, ni adresse utilisable : elle ne recevra rien et sera comptée « injoignable » dans le bilan.',
      ],
    );
    expect(previewSentences({ people: 0, byChannel: {}, withoutContact: 0, tooMany: false })[0]).toContain(
      'Personne ne correspond',
    );
  });

  it('knows when the selection changed since the preview', () => {
    const a = selectionKey({
      ruleIds: ['lost_contact', 'no_contact'],
      communeCodes: ['93008'],
      includeSnoozed: false,
    });
    const b = selectionKey({
      ruleIds: ['no_contact', 'lost_contact'],
      communeCodes: ['93008'],
      includeSnoozed: false,
    });
    expect(a).toBe(b);
    expect(selectionKey({ ruleIds: ['no_contact'], communeCodes: ['93008'], includeSnoozed: true })).not.toBe(
      selectionKey({ ruleIds: ['no_contact'], communeCodes: ['93008'], includeSnoozed: false }),
    );
  });

  it('places the server errors under the form’s inputs', () => {
    expect(campaignFormPath('selection.ruleIds')).toBe('ruleIds');
    expect(campaignFormPath('selection.ruleIds.0')).toBe('ruleIds');
    expect(campaignFormPath('slots.2.startsAt')).toBe('slots.2.date');
    expect(campaignFormPath('slots.2.capacity')).toBe('slots.2.capacity');
    expect(campaignFormPath('firstStartsAt')).toBe('firstDate');
    expect(campaignFormPath('selection.communeCodes.0')).toBe('selection.communeCodes.0');
    expect(campaignFormPath('name')).toBe('name');
  });

  it('gives the key figures with shares', () => {
    const figures = keyFigures({
      people: 200,
      sent: 190,
      delivered: 180,
      failed: 10,
      reminded: 120,
      answered: 50,
      callbacks: 10,
      booked: 40,
      honoured: 30,
      unreachable: 10,
      noAnswer: 100,
      convoked: 0,
    });
    expect(figures.map((f) => f.label)).toEqual([
      'personnes invitées',
      'envoyés',
      'remis',
      'relances',
      'réponses',
      'demandes de rappel',
      'rendez-vous pris',
      'honorés',
      'injoignables',
      'sans réponse',
      'convoqués',
    ]);
    expect(figures.find((f) => f.label === 'réponses')?.percent).toBe('25 % des personnes invitées');
    expect(figures.find((f) => f.label === 'remis')?.percent).toBe('95 % des envoyés');
    expect(percentOf(1, 3)).toBe('(33 %)');
    expect(percentOf(1, 0)).toBe('');
  });

  it('says the result of the convocation', () => {
    expect(convocationResultWords({ convoked: 12, skipped: 0 })).toBe(
      '12 personnes convoquées : les convocations partent par leur moyen de contact préféré.',
    );
    expect(convocationResultWords({ convoked: 0, skipped: 2 })).toBe(
      'Aucune convocation envoyée. 2 personnes laissées de côté : déjà un rendez-vous, ou pas de coordonnées utilisables.',
    );
  });
});
