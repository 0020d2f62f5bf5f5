import { orientationsRoutes } from '@spie/contract/orientations';
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

const routes = orientationsRoutes;
export const orientationsKey = ['orientations'] as const;
const personOrientationsKey = (personId: string) =>
  [...peopleKey, 'person', personId, 'orientations'] as const;

export type QueueFilters = Omit<z.input<typeof routes.queue.query>, 'after' | 'limit'>;
export type DecisionBody = z.input<typeof routes.acceptReorientation.body>;
export type TransitionBody = z.input<typeof routes.transition.body>;
export type StartBody = z.input<typeof routes.start.body>;
export type ReorientationBody = z.input<typeof routes.requestReorientation.body>;

/** « À orienter »: overdue first (server order), keyset pagination, counts of the whole filtered queue. */
export function useQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: [...orientationsKey, 'queue', filters],
    queryFn: ({ pageParam }) => call(routes.queue, { query: { ...filters, after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePersonOrientations(personId: string, enabled = true) {
  return useQuery({
    queryKey: personOrientationsKey(personId),
    queryFn: () => call(routes.personOrientations, { params: { id: personId } }),
    enabled,
  });
}

/** After any orientation change: the person's record and history, the worklists. */
function useInvalidateOrientations() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: orientationsKey }),
      client.invalidateQueries({ queryKey: peopleKey }),
    ]);
}

export function useStartOrientation(personId: string) {
  const invalidate = useInvalidateOrientations();
  return useMutation({
    mutationFn: (body: StartBody) => call(routes.start, { params: { id: personId }, body }),
    onSuccess: invalidate,
  });
}

export function useTransition() {
  const invalidate = useInvalidateOrientations();
  return useMutation({
    mutationFn: (input: { orientationId: string; body: TransitionBody }) =>
      call(routes.transition, { params: { id: input.orientationId }, body: input.body }),
    onSuccess: invalidate,
  });
}

export function useBulkDecide() {
  const invalidate = useInvalidateOrientations();
  return useMutation({
    mutationFn: (body: z.input<typeof routes.bulkDecide.body>) => call(routes.bulkDecide, { body }),
    onSuccess: invalidate,
  });
}

export function useToAssign() {
  return useInfiniteQuery({
    queryKey: [...orientationsKey, 'to-assign'],
    queryFn: ({ pageParam }) => call(routes.toAssign, { query: { after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
  });
}

export function useRequestReorientation() {
  const invalidate = useInvalidateOrientations();
  return useMutation({
    mutationFn: (input: { orientationId: string; body: ReorientationBody }) =>
      call(routes.requestReorientation, { params: { id: input.orientationId }, body: input.body }),
    onSuccess: invalidate,
  });
}

export function useReorientationRequests(scope: 'pending' | 'mine', enabled = true) {
  return useInfiniteQuery({
    queryKey: [...orientationsKey, 'reorientations', scope],
    queryFn: ({ pageParam }) =>
      call(routes.reorientationRequests, { query: { scope, after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    enabled,
  });
}

export function useAcceptReorientation() {
  const invalidate = useInvalidateOrientations();
  return useMutation({
    mutationFn: (input: { requestId: string; body: DecisionBody }) =>
      call(routes.acceptReorientation, { params: { id: input.requestId }, body: input.body }),
    onSuccess: invalidate,
  });
}

export function useRefuseReorientation() {
  const invalidate = useInvalidateOrientations();
  return useMutation({
    mutationFn: (input: { requestId: string; reason: string }) =>
      call(routes.refuseReorientation, { params: { id: input.requestId }, body: { reason: input.reason } }),
    onSuccess: invalidate,
  });
}
