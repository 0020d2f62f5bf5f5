import { catalogueRoutes } from '@spie/contract/catalogue';
import { peopleRoutes } from '@spie/contract/people';
import { type ReferralStatus, referralsRoutes } from '@spie/contract/referrals';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';
import { peopleKey } from '../people/people.queries';

const routes = referralsRoutes;

export type CreateReferralInput = z.input<typeof routes.create.body>;
export type TransitionInput = z.input<typeof routes.transition.body>;
export type AttendanceInput = z.input<typeof routes.recordAttendance.body>;

export const referralsKey = ['referrals'] as const;
const personReferralsKey = (personId: string) => [...peopleKey, 'person', personId, 'referrals'] as const;

export function usePersonOffers(personId: string) {
  return useQuery({
    queryKey: [...peopleKey, 'person', personId, 'offers'],
    queryFn: () => call(catalogueRoutes.personOffers, { params: { id: personId } }),
  });
}

/** The person's documents, to attach some (only for those who may read the documents section). */
export function usePersonDocuments(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...peopleKey, 'person', personId, 'documents'],
    queryFn: () => call(peopleRoutes.documents, { params: { id: personId } }),
    enabled,
  });
}

export function usePersonReferrals(personId: string) {
  return useQuery({
    queryKey: personReferralsKey(personId),
    queryFn: () => call(routes.ofPerson, { params: { id: personId } }),
  });
}

export function useService(serviceId: string) {
  return useQuery({
    queryKey: ['catalogue', 'service', serviceId],
    queryFn: () => call(catalogueRoutes.getService, { params: { id: serviceId } }),
    enabled: serviceId !== '',
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: [...referralsKey, 'one', id],
    queryFn: () => call(routes.get, { params: { id } }),
  });
}

/** Received by my organisation, or sent by me (or my organisation), with keyset pagination. */
export function useReferralList(box: 'received' | 'sent', status: ReferralStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...referralsKey, box, status ?? 'all'],
    queryFn: ({ pageParam }) =>
      call(box === 'received' ? routes.received : routes.sent, {
        query: { ...(status ? { status } : {}), ...(pageParam ? { after: pageParam } : {}), limit: 50 },
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** After a change: the referrals, and the person (timeline, contract activity, offers' places). */
function useInvalidateReferrals() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: referralsKey }),
      client.invalidateQueries({ queryKey: peopleKey }),
      client.invalidateQueries({ queryKey: ['catalogue'] }),
    ]);
}

export function useCreateReferral(personId: string) {
  const invalidate = useInvalidateReferrals();
  return useMutation({
    mutationFn: (body: CreateReferralInput) => call(routes.create, { params: { id: personId }, body }),
    onSuccess: invalidate,
  });
}

export function useReferralTransition(id: string) {
  const invalidate = useInvalidateReferrals();
  return useMutation({
    mutationFn: (body: TransitionInput) => call(routes.transition, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useRecordAttendance(id: string) {
  const invalidate = useInvalidateReferrals();
  return useMutation({
    mutationFn: (body: AttendanceInput) => call(routes.recordAttendance, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useIssueLink(id: string) {
  return useMutation({ mutationFn: () => call(routes.issueLink, { params: { id }, body: {} }) });
}

// The receiving organisation's link: no account, no session.

export function usePublicReferral(token: string) {
  return useQuery({
    queryKey: ['public-referral', token],
    queryFn: () => call(routes.publicGet, { params: { token } }),
    retry: false,
  });
}

export function usePublicTransition(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionInput) => call(routes.publicTransition, { params: { token }, body }),
    onSuccess: (data) => client.setQueryData(['public-referral', token], data),
  });
}

export function usePublicAttendance(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceInput) => call(routes.publicAttendance, { params: { token }, body }),
    onSuccess: (data) => client.setQueryData(['public-referral', token], data),
  });
}

export function useRenewLink(token: string) {
  return useMutation({ mutationFn: () => call(routes.publicRenew, { params: { token }, body: {} }) });
}
