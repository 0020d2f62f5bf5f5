import type { ActionPlanContent, Objective } from '@spie/contract/contracts';
import { describe, expect, it } from 'vitest';
import {
  actionsForTheme,
  addMonthsIso,
  formatHours,
  fromDateTimeInput,
  needLabel,
  objectivesForTheme,
  plannedHoursOf,
  showsWeeklyActivity,
  toDateTimeInput,
  transitionButtons,
  versionLabel,
} from './contractFormat';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('versionLabel', () => {
  it('says whether the contract is signed and flags amendments', () => {
    expect(versionLabel(0)).toBe('Pas encore signé');
    expect(versionLabel(1)).toBe('Version 1');
    expect(versionLabel(2)).toBe('Version 2 — avenant');
  });
});

describe('addMonthsIso', () => {
  it('adds calendar months and keeps the day', () => {
    expect(addMonthsIso('2026-03-12', 12)).toBe('2027-03-12');
    expect(addMonthsIso('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsIso('2028-01-31', 1)).toBe('2028-02-29');
  });
  it('answers an empty text for an invalid date', () => {
    expect(addMonthsIso('', 12)).toBe('');
  });
});

describe('transitionButtons', () => {
  it('offers the table’s next steps with their labels, never the inline ones', () => {
    const buttons = transitionButtons({
      status: 'brouillon',
      kind: 'engagement',
      version: 0,
      planChanged: false,
      allowedActions: ['editPlan', 'propose', 'end'],
    });
    expect(buttons).toEqual([
      { action: 'propose', label: 'Proposer le contrat à la personne', fields: null },
      { action: 'end', label: 'Terminer le contrat', fields: 'endReason' },
    ]);
  });
  it('names the amendment when a signed contract is taken back or proposed again', () => {
    const buttons = transitionButtons({
      status: 'propose',
      kind: 'engagement',
      version: 1,
      planChanged: true,
      allowedActions: ['withdraw', 'sign'],
    });
    expect(buttons.map((b) => b.label)).toEqual([
      'Reprendre l’avenant pour le modifier',
      'Enregistrer la signature',
    ]);
    expect(buttons[1]?.fields).toBe('signature');
  });
  it('labels the legacy end and the conversion', () => {
    const buttons = transitionButtons({
      status: 'actif',
      kind: 'cer',
      version: 0,
      planChanged: false,
      allowedActions: ['convert', 'end'],
    });
    expect(buttons.map((b) => b.label)).toEqual([
      'Convertir en contrat d’engagement',
      'Noter la fin de l’ancien contrat',
    ]);
  });
});

describe('needLabel', () => {
  it('writes the diagnostic need an objective answers', () => {
    expect(needLabel({ diagnosticId: uuid(1), diagnosticVersion: 2, theme: 'logement', level: 'fort' })).toBe(
      'Répond au besoin : Logement — impact fort (diagnostic v2)',
    );
    expect(needLabel(null)).toBeNull();
  });
});

const list: ActionPlanContent = {
  objectives: [
    { code: 'o2', label: 'Trouver un logement stable', theme: 'logement', retired: false },
    { code: 'o1', label: 'Accéder à un hébergement', theme: 'logement', retired: false },
    { code: 'o3', label: 'Ancien objectif', theme: 'logement', retired: true },
    { code: 'o4', label: 'Passer le permis', theme: 'mobilite', retired: false },
  ],
  actions: [
    {
      code: 'a1',
      label: 'Demande de logement social',
      themes: ['logement'],
      defaultWeeklyHours: 2,
      retired: false,
    },
    {
      code: 'a2',
      label: 'Atelier budget',
      themes: ['logement', 'finances'],
      defaultWeeklyHours: 3,
      retired: false,
    },
    { code: 'a3', label: 'Retirée', themes: ['logement'], defaultWeeklyHours: 1, retired: true },
  ],
} as ActionPlanContent;

describe('lists by theme', () => {
  it('offers the theme’s current actions and objectives, sorted by label', () => {
    expect(actionsForTheme(list, 'logement').map((a) => a.code)).toEqual(['a2', 'a1']);
    expect(objectivesForTheme(list, 'logement').map((o) => o.code)).toEqual(['o1', 'o2']);
    expect(actionsForTheme(null, 'logement')).toEqual([]);
  });
});

describe('hours', () => {
  it('formats hours the French way', () => {
    expect(formatHours(15)).toBe('15 h');
    expect(formatHours(7.5)).toBe('7,5 h');
  });
  it('sums the weekly hours of the actions still planned or running', () => {
    const action = (hours: number, status: Objective['actions'][number]['status']) => ({
      id: uuid(hours * 100),
      objectiveId: uuid(1),
      code: null,
      label: 'Action',
      responsibleOrganisation: null,
      plannedStart: '2026-01-05',
      plannedEnd: null,
      plannedWeeklyHours: hours,
      status,
      statusReason: null,
      serviceId: null,
      referralId: null,
      hoursDone: 0,
    });
    const objective = (actions: Objective['actions']): Objective => ({
      id: uuid(1),
      code: null,
      label: 'Objectif',
      theme: 'logement',
      need: null,
      status: 'en_cours',
      statusReason: null,
      actions,
    });
    expect(
      plannedHoursOf([
        objective([action(4, 'prevue'), action(2.5, 'en_cours')]),
        objective([action(6, 'annulee_structure'), action(3, 'realisee')]),
      ]),
    ).toBe(9.5);
  });
});

describe('date-time inputs', () => {
  it('round-trips a local date-time', () => {
    const iso = fromDateTimeInput('2026-05-04T09:30');
    expect(iso).not.toBeNull();
    expect(toDateTimeInput(iso)).toBe('2026-05-04T09:30');
    expect(fromDateTimeInput('')).toBeNull();
    expect(toDateTimeInput(null)).toBe('');
  });
});

describe('showsWeeklyActivity', () => {
  it('shows the weekly activity once the contract was signed', () => {
    expect(showsWeeklyActivity({ status: 'brouillon', version: 0 })).toBe(false);
    expect(showsWeeklyActivity({ status: 'propose', version: 0 })).toBe(false);
    expect(showsWeeklyActivity({ status: 'actif', version: 1 })).toBe(true);
    expect(showsWeeklyActivity({ status: 'termine', version: 2 })).toBe(true);
    expect(showsWeeklyActivity({ status: 'termine', version: 0 })).toBe(false);
  });
});
