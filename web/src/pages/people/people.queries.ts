import { peopleRoutes, type StatusKind, type TeamRole } from '@spie/contract/people';
import { territoriesRoutes } from '@spie/contract/territories';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';

const routes = peopleRoutes;
export const peopleKey = ['people'] as const;
const personKey = (id: string) => [...peopleKey, 'person', id] as const;

export type CreatePersonBody = z.input<typeof routes.createPerson.body>;
export type DuplicatesBody = z.input<typeof routes.findDuplicates.body>;
export type DirectoryQuery = z.input<typeof routes.directory.query>;
export type AddStatusBody = z.input<typeof routes.addStatus.body>;
export type UpdateIdentityBody = z.input<typeof routes.updateIdentity.body>;
export type UpdateHouseholdBody = z.input<typeof routes.updateHousehold.body>;
export type UploadDocumentBody = z.input<typeof routes.uploadDocument.body>;

export interface CaseloadFilters {
  scope: 'mine' | 'organisation';
  role?: TeamRole | undefined;
  status?: StatusKind | undefined;
  sort: 'name' | 'recent';
}

/** Keyset pagination: each page gives the cursor (`next`) of the following one. */
export function useCaseload(filters: CaseloadFilters) {
  return useInfiniteQuery({
    queryKey: [...peopleKey, 'caseload', filters],
    queryFn: ({ pageParam }) => call(routes.caseload, { query: { ...filters, after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePeopleSearch(q: string) {
  const text = q.trim();
  return useInfiniteQuery({
    queryKey: [...peopleKey, 'search', text],
    queryFn: ({ pageParam }) =>
      call(routes.searchPeople, { query: { q: text, after: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useDirectory(query: DirectoryQuery | null) {
  return useQuery({
    queryKey: [...peopleKey, 'directory', query],
    queryFn: () => call(routes.directory, { query: query ?? {} }),
    enabled: query !== null,
  });
}

export function useDuplicates(body: DuplicatesBody | null) {
  return useQuery({
    queryKey: [...peopleKey, 'duplicates', body],
    queryFn: () => call(routes.findDuplicates, { body: body ?? { identity: {} } }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePersonBody) => call(routes.createPerson, { body }),
    onSuccess: (person) => {
      client.setQueryData(personKey(person.id), person);
      return client.invalidateQueries({ queryKey: [...peopleKey, 'caseload'] });
    },
  });
}

export function useRequestToJoin(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      call(routes.requestToJoin, { params: { id: personId }, body: { reason } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: [...peopleKey, 'directory'] }),
        client.invalidateQueries({ queryKey: [...peopleKey, 'duplicates'] }),
      ]),
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: personKey(id), queryFn: () => call(routes.getPerson, { params: { id } }) });
}

/** Everything under one person (record, team, documents…) is refreshed after a change. */
function useInvalidatePerson(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: personKey(id) }),
      client.invalidateQueries({ queryKey: [...peopleKey, 'caseload'] }),
    ]);
}

export function useUpdateIdentity(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (body: UpdateIdentityBody) => call(routes.updateIdentity, { params: { id }, body }),
    onSuccess: (person) => {
      client.setQueryData(personKey(id), person);
      return invalidate();
    },
  });
}

export function useUpdateHousehold(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (body: UpdateHouseholdBody) => call(routes.updateHousehold, { params: { id }, body }),
    onSuccess: (person) => {
      client.setQueryData(personKey(id), person);
      return invalidate();
    },
  });
}

export function useRevealNir(id: string) {
  return useMutation({ mutationFn: () => call(routes.revealNir, { params: { id } }) });
}

export function useAddStatus(id: string) {
  const invalidate = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (body: AddStatusBody) => call(routes.addStatus, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useEndStatus(id: string) {
  const invalidate = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (input: { statusId: string; endDate: string }) =>
      call(routes.endStatus, { params: { id, statusId: input.statusId }, body: { endDate: input.endDate } }),
    onSuccess: invalidate,
  });
}

export function useTimeline(
  id: string,
  filters: { type?: string | undefined; organisationId?: string | undefined },
) {
  return useInfiniteQuery({
    queryKey: [...personKey(id), 'timeline', filters],
    queryFn: ({ pageParam }) =>
      call(routes.timeline, { params: { id }, query: { ...filters, after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: [...personKey(id), 'team'],
    queryFn: () => call(routes.team, { params: { id } }),
  });
}

export function useLeaveTeam(personId: string) {
  const invalidate = useInvalidatePerson(personId);
  return useMutation({
    mutationFn: (input: { followUpId: string; reason: string }) =>
      call(routes.leaveTeam, { params: { id: input.followUpId }, body: { reason: input.reason } }),
    onSuccess: invalidate,
  });
}

export function useDesignateReferent(personId: string) {
  const invalidate = useInvalidatePerson(personId);
  return useMutation({
    mutationFn: (body: { accountId: string; organisationId: string; reason: string }) =>
      call(routes.designateReferent, { params: { id: personId }, body }),
    onSuccess: invalidate,
  });
}

export type InviteToTeamBody = z.input<typeof routes.inviteToTeam.body>;

export function useInviteToTeam(personId: string) {
  const invalidate = useInvalidatePerson(personId);
  return useMutation({
    mutationFn: (body: InviteToTeamBody) => call(routes.inviteToTeam, { params: { id: personId }, body }),
    onSuccess: invalidate,
  });
}

/**
 * Professionals of one organisation who can join a team (any professional may list them, except
 * the staff of another health or justice organisation: 403 `organisation.staff_hidden`).
 */
export function useOrganisationProfessionals(organisationId: string | undefined) {
  return useQuery({
    queryKey: ['organisations', 'professionals', organisationId],
    queryFn: () => call(territoriesRoutes.listProfessionals, { params: { id: organisationId ?? '' } }),
    enabled: Boolean(organisationId),
    staleTime: 60_000,
  });
}

/** Professionals of one organisation (only structure managers and admins may list accounts). */
export function useOrganisationAccounts(organisationId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['accounts', 'of-organisation', organisationId],
    queryFn: () => call(territoriesRoutes.listAccounts, { query: { organisationId, limit: 200 } }),
    enabled: enabled && Boolean(organisationId),
  });
}

export function useOrganisationChoices() {
  return useQuery({
    queryKey: ['organisations', 'list', {}],
    queryFn: () => call(territoriesRoutes.listOrganisations, { query: {} }),
    staleTime: 5 * 60_000,
  });
}

export function usePendingFollowUps() {
  return useQuery({
    queryKey: [...peopleKey, 'pending-follow-ups'],
    queryFn: () => call(routes.pendingFollowUps),
  });
}

export function useAnswerFollowUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { followUpId: string; accept: boolean; reason?: string | undefined }) =>
      call(routes.answerFollowUp, {
        params: { id: input.followUpId },
        body: { accept: input.accept, reason: input.reason },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useConsents(id: string) {
  return useQuery({
    queryKey: [...personKey(id), 'consents'],
    queryFn: () => call(routes.consents, { params: { id } }),
  });
}

export function useRecordInformation(id: string) {
  const invalidate = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (body: z.input<typeof routes.recordInformation.body>) =>
      call(routes.recordInformation, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useRecordConsent(id: string) {
  const invalidate = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (body: z.input<typeof routes.recordConsent.body>) =>
      call(routes.recordConsent, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useWithdrawConsent(id: string) {
  const invalidate = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (consentId: string) => call(routes.withdrawConsent, { params: { id, consentId } }),
    onSuccess: invalidate,
  });
}

export function useSensitiveNotes(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...personKey(id), 'sensitive-notes'],
    queryFn: () => call(routes.sensitiveNotes, { params: { id } }),
    enabled,
  });
}

export function useAddSensitiveNote(id: string) {
  const invalidate = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (body: z.input<typeof routes.addSensitiveNote.body>) =>
      call(routes.addSensitiveNote, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDocuments(id: string) {
  return useQuery({
    queryKey: [...personKey(id), 'documents'],
    queryFn: () => call(routes.documents, { params: { id } }),
  });
}

export function useUploadDocument(id: string) {
  const invalidate = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (body: UploadDocumentBody) => call(routes.uploadDocument, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useConsultations(id: string) {
  return useInfiniteQuery({
    queryKey: [...personKey(id), 'consultations'],
    queryFn: ({ pageParam }) =>
      call(routes.consultations, { params: { id }, query: { after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
  });
}
