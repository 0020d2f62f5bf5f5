import type { WorklistList } from './contracts.queries';

/** « 12 contrats à signer, dont 3 en retard. » (counts of the whole list, not only the loaded page). */
export function worklistSummary(
  list: WorklistList,
  counts: { a_signer: number; a_reviser: number; overdue: number } | undefined,
  loaded: number,
  hasMore: boolean,
): string {
  const total = counts ? counts[list] : loaded;
  const what = list === 'a_signer' ? 'à signer' : 'à réviser';
  if (total === 0) return list === 'a_signer' ? 'Aucun contrat à signer.' : 'Aucun contrat à réviser.';
  const overdue = counts && counts.overdue > 0 ? `, dont ${counts.overdue} en retard` : '';
  const more = hasMore ? ' Les suivants s’affichent avec « Voir plus » en bas de la liste.' : '';
  return `${total} ${total > 1 ? 'contrats' : 'contrat'} ${what}${overdue}.${more}`;
}
