import {
  type ContractActor,
  type ContractFacts,
  contractActions,
  contractActors,
  contractKinds,
  contractStatuses,
  contractTransitions,
} from '@spie/contract/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { loginAs } from '../../testing/fixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { checkContractTransition } from './contracts.engine';
import { draftWithPlan, ok, transition, world } from './contracts.testkit';

const FULL = { reason: 'r', note: 'n', endReason: 'autre', signatureMode: 'papier', hours: 3 };

function outcome(run: () => { to: string }): string {
  try {
    return `ok:${run().to}`;
  } catch (e) {
    if (e instanceof DomainError) return e.kind;
    throw e;
  }
}

type When = 'engagement' | 'legacy' | 'neverSigned' | 'signed' | 'planUnchanged';
/**
 * The matrix written out by hand from the issue (not derived from the table): "status action" →
 * where it leads, who may do it, and for which contracts.
 */
const R: ContractActor[] = ['referent'];
const EXPECTED: Record<string, { to: string; who: ContractActor[]; only?: When[] }[]> = {
  'brouillon editPlan': [{ to: 'brouillon', who: R, only: ['engagement'] }],
  'en_revision editPlan': [{ to: 'en_revision', who: R, only: ['engagement'] }],
  'brouillon propose': [{ to: 'propose', who: R, only: ['engagement'] }],
  'en_revision propose': [{ to: 'propose', who: R, only: ['engagement'] }],
  'propose withdraw': [
    { to: 'brouillon', who: R, only: ['engagement', 'neverSigned'] },
    { to: 'en_revision', who: R, only: ['engagement', 'signed'] },
  ],
  'propose sign': [{ to: 'signe', who: ['referent', 'person'], only: ['engagement'] }],
  'signe activate': [{ to: 'actif', who: ['system'], only: ['engagement'] }],
  'signe followUp': [{ to: 'signe', who: R, only: ['engagement'] }],
  'actif followUp': [{ to: 'actif', who: R, only: ['engagement'] }],
  'en_revision followUp': [{ to: 'en_revision', who: R, only: ['engagement'] }],
  'signe recordHours': [{ to: 'signe', who: ['referent', 'action_organisation'], only: ['engagement'] }],
  'actif recordHours': [{ to: 'actif', who: ['referent', 'action_organisation'], only: ['engagement'] }],
  'en_revision recordHours': [
    { to: 'en_revision', who: ['referent', 'action_organisation'], only: ['engagement'] },
  ],
  'actif startReview': [{ to: 'en_revision', who: R, only: ['engagement'] }],
  'en_revision closeReview': [{ to: 'actif', who: R, only: ['engagement', 'planUnchanged'] }],
  'en_revision renew': [{ to: 'renouvele', who: R, only: ['engagement'] }],
  'brouillon end': [{ to: 'termine', who: ['referent', 'system'], only: ['engagement'] }],
  'propose end': [{ to: 'termine', who: ['referent', 'system'], only: ['engagement'] }],
  'signe end': [{ to: 'termine', who: ['referent', 'system'], only: ['engagement'] }],
  'actif end': [
    { to: 'termine', who: ['referent', 'system'], only: ['engagement'] },
    { to: 'termine', who: R, only: ['legacy'] },
  ],
  'en_revision end': [{ to: 'termine', who: ['referent', 'system'], only: ['engagement'] }],
  'actif convert': [{ to: 'termine', who: R, only: ['legacy'] }],
};

function holds(when: When, f: ContractFacts): boolean {
  switch (when) {
    case 'engagement':
      return f.kind === 'engagement';
    case 'legacy':
      return f.kind !== 'engagement';
    case 'neverSigned':
      return !f.signed;
    case 'signed':
      return f.signed;
    case 'planUnchanged':
      return !f.planChanged;
  }
}

const factsCases: ContractFacts[] = contractKinds.flatMap((kind) =>
  [false, true].flatMap((signed) => [false, true].map((planChanged) => ({ kind, signed, planChanged }))),
);

describe('contract transition engine', () => {
  it('every status × action × kind of actor × facts (kind, signed, plan changed)', () => {
    let allowed = 0;
    for (const facts of factsCases)
      for (const from of contractStatuses)
        for (const action of contractActions)
          for (const actor of contractActors) {
            const rule = (EXPECTED[`${from} ${action}`] ?? []).find((e) =>
              (e.only ?? []).every((w) => holds(w, facts)),
            );
            const expected = !rule
              ? 'invalid_transition'
              : rule.who.includes(actor)
                ? `ok:${rule.to}`
                : 'forbidden';
            if (expected.startsWith('ok')) allowed++;
            const got = outcome(() =>
              checkContractTransition({ from, action, facts, actors: [actor], fields: FULL }),
            );
            expect(got, `${from} ${action} by ${actor} (${JSON.stringify(facts)})`).toBe(expected);
          }
    expect(allowed).toBeGreaterThan(0);
  });

  it('every transition of the table requires its fields', () => {
    for (const t of contractTransitions) {
      const facts: ContractFacts = {
        kind: t.kinds === 'legacy' ? 'cer' : 'engagement',
        signed: t.when === 'amendment',
        planChanged: false,
      };
      for (const field of t.requires) {
        try {
          checkContractTransition({
            from: t.from,
            action: t.action,
            facts,
            actors: [...t.who],
            fields: { ...FULL, [field]: ' ' },
          });
          expect.unreachable(`${t.action} from ${t.from} without ${field}`);
        } catch (e) {
          expect((e as DomainError).kind).toBe('validation');
          expect((e as DomainError).fields?.map((f) => f.path)).toEqual([field]);
        }
      }
    }
  });

  it('editing a signed plan says to open a revision (avenant)', () => {
    try {
      checkContractTransition({
        from: 'actif',
        action: 'editPlan',
        facts: { kind: 'engagement', signed: true, planChanged: false },
        actors: ['referent'],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('contract.invalid_transition');
      expect((e as DomainError).message).toContain('ouvrez une révision (avenant)');
      expect((e as DomainError).message).toContain('Ouvrir une révision (avenant)');
    }
  });
});

describe('contract transitions by role (HTTP)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.reset());

  /**
   * Référent (Girard) and co-référent (Moreau) act; the intervenant of the team (Sow, PLIE), the
   * structure manager of the following organisation (Haddad), the orientation manager (Benali)
   * and a professional outside the team (Petit) may not. The system alone starts a contract.
   */
  const ROLES: [string, 'done' | 'forbidden'][] = [
    ['Girard', 'done'],
    ['Moreau', 'done'],
    ['Sow', 'forbidden'],
    ['Haddad', 'forbidden'],
    ['Benali', 'forbidden'],
    ['Petit', 'forbidden'],
  ];

  it('propose, withdraw, sign, startReview, closeReview, end by role; activate only by the system', async () => {
    const { personId, girard } = await world(ctx, { orientation: false, diagnostic: false });
    const c = await draftWithPlan(girard, personId, { startOn: '2026-11-09', endOn: '2027-05-01' });
    const steps: [Record<string, unknown>, string][] = [
      [{ action: 'propose' }, 'propose'],
      [{ action: 'withdraw' }, 'brouillon'],
      [{ action: 'propose' }, 'propose'],
      [{ action: 'sign', signatureMode: 'ecran' }, 'signe'],
    ];
    for (const [body, status] of steps) {
      for (const [lastName, expected] of ROLES.filter(([, e]) => e === 'forbidden')) {
        const client = await loginAs(ctx, lastName);
        const res = await transition(client, c.id, body);
        expect(res.status, `${body.action} by ${lastName}`).toBe(403);
        void expected;
      }
      const actor = status === 'propose' ? girard : await loginAs(ctx, 'Moreau');
      const res = await ok(actor, 'POST', `/api/contracts/${c.id}/transitions`, body);
      expect(res.status).toBe(status);
    }
    // Activation is the system's: a référent asking for it is refused.
    const activate = await transition(girard, c.id, { action: 'activate' });
    expect(activate.status).toBe(403);
    expect(activate.body.error?.code).toBe('contract.action_forbidden');
    // Invalid from this state whoever asks.
    const review = await transition(girard, c.id, { action: 'startReview', reason: 'x' });
    expect(review.status).toBe(409);
    expect(review.body.error?.code).toBe('contract.invalid_transition');
    const ended = await ok(await loginAs(ctx, 'Moreau'), 'POST', `/api/contracts/${c.id}/transitions`, {
      action: 'end',
      endReason: 'demenagement',
    });
    expect(ended.status).toBe('termine');
  });
});
