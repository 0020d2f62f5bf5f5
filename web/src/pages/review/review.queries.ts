import { reviewRoutes } from '@spie/contract/review';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';
import { peopleKey } from '../people/people.queries';
import { type CaseloadFilters, caseloadQueryOf } from './reviewFormat';

const routes = reviewRoutes;
/** Worklists, counts and rules; a person's alerts live under the person's key (refreshed with the record). */
export const reviewKey = ['review'] as const;
export const personAlertsKey = (personId: string) => [...peopleKey, 'person', personId, 'alerts'] as const;

export type AcknowledgeBody = z.input<typeof routes.acknowledge.body>;
export type SnoozeBody = z.input<typeof routes.snooze.body>;
export type RecordContactBody = z.input<typeof routes.recordContact.body>;
export type SituationReviewBody = z.input<typeof routes.addSituationReview.body>;
export type OverviewQuery = z.input<typeof routes.overview.query>;
export type CoverageQuery = z.input<typeof routes.coverage.query>;

/** « Ma file active »: the most urgent first (server order), keyset pagination. */
export function useMyCaseload(filters: CaseloadFilters) {
  return useInfiniteQuery({
    queryKey: [...reviewKey, 'caseload', caseloadQueryOf(filters)],
    queryFn: ({ pageParam }) => call(routes.caseload, { query: { ...filters, after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The size of the whole caseload (« 23 personnes sur 280 »): the count of the unfiltered list. */
export function useCaseloadSize() {
  return useQuery({
    queryKey: [...reviewKey, 'caseload', 'size'],
    queryFn: () => call(routes.caseload, { query: { show: 'tous', limit: 1 } }),
    select: (page) => page.total,
  });
}

export function usePersonAlerts(personId: string, enabled = true) {
  return useQuery({
    queryKey: personAlertsKey(personId),
    queryFn: () => call(routes.personAlerts, { params: { id: personId } }),
    enabled,
  });
}

/** One alert with its history (asked when the history is opened). */
export function useAlertHistory(alertId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...reviewKey, 'alert', alertId],
    queryFn: () => call(routes.alert, { params: { id: alertId } }),
    enabled,
  });
}

export function useOverview(query: OverviewQuery, enabled = true) {
  return useQuery({
    queryKey: [...reviewKey, 'overview', query],
    queryFn: () => call(routes.overview, { query }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCoverage(query: CoverageQuery, enabled = true) {
  return useQuery({
    queryKey: [...reviewKey, 'coverage', query],
    queryFn: () => call(routes.coverage, { query }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAlertRules() {
  return useQuery({ queryKey: [...reviewKey, 'rules'], queryFn: () => call(routes.rules) });
}

/**
 * After a change: the worklists and the person's record. Alerts follow domain events that the
 * worker handles a moment later, so the person's alerts are asked again shortly after.
 */
function useInvalidateReview() {
  const client = useQueryClient();
  return (personId?: string) => {
    if (personId) {
      setTimeout(() => {
        void client.invalidateQueries({ queryKey: personAlertsKey(personId) });
      }, 2000);
    }
    return Promise.all([
      client.invalidateQueries({ queryKey: reviewKey }),
      client.invalidateQueries({ queryKey: peopleKey }),
    ]);
  };
}

export function useAcknowledgeAlert(personId: string) {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: (input: { alertId: string; body: AcknowledgeBody }) =>
      call(routes.acknowledge, { params: { id: input.alertId }, body: input.body }),
    onSuccess: () => invalidate(personId),
  });
}

export function useSnoozeAlert(personId: string) {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: (input: { alertId: string; body: SnoozeBody }) =>
      call(routes.snooze, { params: { id: input.alertId }, body: input.body }),
    onSuccess: () => invalidate(personId),
  });
}

export function useUnsnoozeAlert(personId: string) {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: (alertId: string) => call(routes.unsnooze, { params: { id: alertId } }),
    onSuccess: () => invalidate(personId),
  });
}

export function useRecordContact(personId: string) {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: (body: RecordContactBody) => call(routes.recordContact, { params: { id: personId }, body }),
    onSuccess: () => invalidate(personId),
  });
}

export function useAddSituationReview(personId: string) {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: (body: SituationReviewBody) =>
      call(routes.addSituationReview, { params: { id: personId }, body }),
    onSuccess: () => invalidate(personId),
  });
}

export function useUpdateAlertRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      ruleId: z.input<typeof routes.updateRule.params>['ruleId'];
      params: Record<string, number>;
    }) => call(routes.updateRule, { params: { ruleId: input.ruleId }, body: { params: input.params } }),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKey }),
  });
}

export function useRecomputeAlerts() {
  const invalidate = useInvalidateReview();
  return useMutation({ mutationFn: () => call(routes.recompute), onSuccess: () => invalidate() });
}
