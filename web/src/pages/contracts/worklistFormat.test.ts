import { describe, expect, it } from 'vitest';
import { worklistSummary } from './worklistFormat';

describe('worklistSummary', () => {
  it('counts the whole list and the overdue ones', () => {
    expect(worklistSummary('a_signer', { a_signer: 12, a_reviser: 2, overdue: 3 }, 12, false)).toBe(
      '12 contrats à signer, dont 3 en retard.',
    );
    expect(worklistSummary('a_reviser', { a_signer: 12, a_reviser: 1, overdue: 0 }, 1, false)).toBe(
      '1 contrat à réviser.',
    );
  });
  it('says when the list is empty and when more can be loaded', () => {
    expect(worklistSummary('a_signer', { a_signer: 0, a_reviser: 0, overdue: 0 }, 0, false)).toBe(
      'Aucun contrat à signer.',
    );
    expect(worklistSummary('a_signer', { a_signer: 80, a_reviser: 0, overdue: 0 }, 50, true)).toContain(
      '« Voir plus »',
    );
  });
});
