import {
  orientationActions,
  orientationActors,
  orientationStatuses,
  orientationTransitions,
} from '@spie/contract/orientations';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { checkTransition } from './orientations.engine';

const FULL = {
  path: 'social',
  leadKind: 'departement',
  organisationId: 'x',
  reason: 'r',
  referentAccountId: 'y',
};
const settingsCases = [{ orientationValidationStep: false }, { orientationValidationStep: true }];

function outcome(run: () => unknown): string {
  try {
    const t = run() as { to: string };
    return `ok:${t.to}`;
  } catch (e) {
    if (e instanceof DomainError) return e.kind;
    throw e;
  }
}

/**
 * The expected matrix written out by hand from the issue (not derived from the table), so the
 * table and the engine are both pinned: "status action" → who may do it and where it leads.
 */
const EXPECTED: Record<string, { to: string; who: string[]; only?: 'step' | 'noStep' }> = {
  'a_orienter propose': { to: 'proposee', who: ['orientation_manager'], only: 'step' },
  'a_orienter decide': { to: 'decidee', who: ['orientation_manager'], only: 'noStep' },
  'proposee decide': { to: 'decidee', who: ['orientation_manager'] },
  'proposee rejectProposal': { to: 'a_orienter', who: ['orientation_manager'] },
  'decidee notify': { to: 'notifiee', who: ['system'] },
  'notifiee assign': { to: 'referent_designe', who: ['receiving_structure_manager', 'system'] },
  'a_orienter close': { to: 'classee', who: ['orientation_manager', 'system'] },
  'proposee close': { to: 'classee', who: ['orientation_manager', 'system'] },
  'notifiee replace': { to: 'remplacee', who: ['system'] },
  'referent_designe replace': { to: 'remplacee', who: ['system'] },
};

describe('orientation transition engine', () => {
  for (const settings of settingsCases) {
    const step = settings.orientationValidationStep;
    it(`every status × action × actor kind (validation step ${step ? 'on' : 'off'})`, () => {
      let allowed = 0;
      for (const from of orientationStatuses)
        for (const action of orientationActions)
          for (const actor of orientationActors) {
            const e = EXPECTED[`${from} ${action}`];
            const applies = e && (!e.only || (e.only === 'step') === step);
            const expected = !applies
              ? 'invalid_transition'
              : e.who.includes(actor)
                ? `ok:${e.to}`
                : 'forbidden';
            if (expected.startsWith('ok')) allowed++;
            const got = outcome(() =>
              checkTransition({ from, action, actors: [actor], settings, fields: FULL }),
            );
            expect(got, `${from} ${action} by ${actor}`).toBe(expected);
          }
      // 12 allowed (status, action, actor) triples whichever the setting (propose and decide swap).
      expect(allowed).toBe(12);
    });
  }

  it('every transition of the table requires its fields', () => {
    for (const t of orientationTransitions) {
      const settings = { orientationValidationStep: t.when === 'validationStep' };
      for (const field of t.requires) {
        const fields = { ...FULL, [field]: ' ' };
        try {
          checkTransition({ from: t.from, action: t.action, actors: [...t.who], settings, fields });
          expect.unreachable(`${t.action} from ${t.from} without ${field}`);
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          expect((e as DomainError).kind).toBe('validation');
          expect((e as DomainError).fields?.map((f) => f.path)).toEqual([field]);
        }
      }
    }
  });

  it('an invalid transition names, in French, the actions the caller may take instead', () => {
    try {
      checkTransition({
        from: 'proposee',
        action: 'propose',
        actors: ['orientation_manager'],
        settings: { orientationValidationStep: true },
        fields: FULL,
      });
      expect.unreachable();
    } catch (e) {
      const err = e as DomainError;
      expect(err.code).toBe('orientation.invalid_transition');
      expect(err.details).toMatchObject({ allowed: ['rejectProposal', 'decide', 'close'] });
      expect(err.message).toContain('Orientation proposée');
      expect(err.message).toContain(
        'Refuser la proposition, Valider et décider l’orientation, Classer sans suite',
      );
    }
  });
});
