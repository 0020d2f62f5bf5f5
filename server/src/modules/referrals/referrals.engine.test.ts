import {
  type ReferralActor,
  referralActions,
  referralStatuses,
  referralTransitions,
} from '@spie/contract/referrals';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { checkReferralTransition } from './referrals.engine';

/**
 * The whole matrix: every status × action × kind of caller against the transition table. The
 * link holder acts as `receiver` (as the public link routes do); an outsider has no actor kind.
 */
const callers: Record<string, ReferralActor[]> = {
  sender: ['sender'],
  receiver: ['receiver'],
  linkHolder: ['receiver'],
  outsider: [],
  system: ['system'],
};
const filled = { reason: 'pas_de_place', note: 'précision', date: '2026-11-02', outcome: 'reussie' };

describe('referral transition matrix', () => {
  const cases = referralStatuses.flatMap((from) =>
    referralActions.flatMap((action) =>
      Object.keys(callers).map((caller) => [from, action, caller] as const),
    ),
  );

  it(`covers ${referralStatuses.length * referralActions.length * Object.keys(callers).length} cases`, () => {
    expect(cases).toHaveLength(9 * 8 * 5);
  });

  it.each(cases)('%s × %s × %s follows the table', (from, action, caller) => {
    const actors = callers[caller] as ReferralActor[];
    const row = referralTransitions.find((t) => t.from === from && t.action === action);
    const allowed = row?.who.some((w) => actors.includes(w)) ?? false;
    if (allowed) {
      expect(checkReferralTransition({ from, action, actors, fields: filled }).to).toBe(row?.to);
    } else {
      let error: unknown;
      try {
        checkReferralTransition({ from, action, actors, fields: filled });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe('invalid_transition');
      expect((error as DomainError).code).toBe('referral.invalid_transition');
    }
  });

  it('counts the allowed pairs per kind of caller', () => {
    const allowedCount = (actors: ReferralActor[]) =>
      cases.filter(([from, action, caller]) => {
        if (callers[caller] !== actors) return false;
        try {
          checkReferralTransition({ from, action, actors, fields: filled });
          return true;
        } catch {
          return false;
        }
      }).length;
    expect(allowedCount(callers.receiver as ReferralActor[])).toBe(12);
    expect(allowedCount(callers.sender as ReferralActor[])).toBe(3);
    expect(allowedCount(callers.system as ReferralActor[])).toBe(1);
    expect(allowedCount(callers.outsider as ReferralActor[])).toBe(0);
  });

  it('asks for the missing fields (reason, note for « autre », date, outcome)', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return (e as DomainError).fields?.map((x) => x.path);
      }
    };
    expect(
      codeOf(() =>
        checkReferralTransition({ from: 'envoyee', action: 'refuse', actors: ['receiver'], fields: {} }),
      ),
    ).toEqual(['reason']);
    expect(
      codeOf(() =>
        checkReferralTransition({
          from: 'envoyee',
          action: 'refuse',
          actors: ['receiver'],
          fields: { reason: 'autre' },
        }),
      ),
    ).toEqual(['note']);
    expect(
      codeOf(() =>
        checkReferralTransition({ from: 'en_cours', action: 'finish', actors: ['receiver'], fields: {} }),
      ),
    ).toEqual(['date', 'outcome']);
    expect(
      codeOf(() =>
        checkReferralTransition({ from: 'envoyee', action: 'cancel', actors: ['sender'], fields: {} }),
      ),
    ).toEqual(['note']);
  });
});
