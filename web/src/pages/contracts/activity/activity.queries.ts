import { contractsRoutes } from '@spie/contract/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../../api';
import { contractsKey, personContractsKey } from '../contracts.queries';

const routes = contractsRoutes;

/**
 * Every weekly-activity query (chart, table, week detail) starts with this key: under the contracts'
 * key, so that any change of the contract (target, reduction, plan) refreshes the weeks too.
 */
export const weeklyActivityKey = [...contractsKey, 'weekly-activity'] as const;

export type ActivityRange = { from: string; to: string } | null;
export type HoursBody = z.input<typeof routes.recordHours.body>;

/** The person's weeks: the server's default range (12 weeks) when `range` is null. */
export function useWeeklyActivity(personId: string, range: ActivityRange) {
  return useQuery({
    queryKey: [...weeklyActivityKey, 'person', personId, range ?? 'default'],
    queryFn: () =>
      call(routes.weeklyActivity, { params: { id: personId }, ...(range ? { query: range } : {}) }),
  });
}

export function useWeekDetail(contractId: string, weekStart: string) {
  return useQuery({
    queryKey: [...weeklyActivityKey, 'week', contractId, weekStart],
    queryFn: () => call(routes.week, { params: { id: contractId, weekStart } }),
  });
}

/** Saving hours changes the weeks, the contract's hours done and the person's record. */
export function useRecordHours(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { actionId: string; body: HoursBody }) =>
      call(routes.recordHours, { params: { id: input.actionId }, body: input.body }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: contractsKey }),
        client.invalidateQueries({ queryKey: personContractsKey(personId) }),
      ]),
  });
}
