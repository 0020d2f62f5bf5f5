import { type ActionPlanContent, actionPlanContent, contractsRoutes } from '@spie/contract/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';
import { useReferential } from '../diagnostics/diagnostics.queries';
import { peopleKey } from '../people/people.queries';

const routes = contractsRoutes;
/** Worklists and single contracts; the person's contracts live under the person's key. */
export const contractsKey = ['contracts'] as const;
export const personContractsKey = (personId: string) =>
  [...peopleKey, 'person', personId, 'contracts'] as const;

export type CreateContractBody = z.input<typeof routes.create.body>;
export type LegacyContractBody = z.input<typeof routes.recordLegacy.body>;
export type UpdateContractBody = z.input<typeof routes.update.body>;
export type ContractTransitionBody = z.input<typeof routes.transition.body>;
export type ObjectiveBody = z.input<typeof routes.addObjective.body>;
export type ObjectiveUpdateBody = z.input<typeof routes.updateObjective.body>;
export type ActionBody = z.input<typeof routes.addAction.body>;
export type ActionUpdateBody = z.input<typeof routes.updateAction.body>;
export type AdjustmentBody = z.input<typeof routes.addAdjustment.body>;
export type WorklistList = 'a_signer' | 'a_reviser';
export type WorklistScope = 'mine' | 'organisation';

export function usePersonContracts(personId: string, enabled = true) {
  return useQuery({
    queryKey: personContractsKey(personId),
    queryFn: () => call(routes.ofPerson, { params: { id: personId } }),
    enabled,
  });
}

/** One contract (the read-only view of a previous contract). */
export function useContract(contractId: string) {
  return useQuery({
    queryKey: [...contractsKey, 'one', contractId],
    queryFn: () => call(routes.get, { params: { id: contractId } }),
  });
}

/** Needs of the latest diagnostic with the suggested objectives (asked when the form opens). */
export function usePlanNeeds(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...personContractsKey(personId), 'needs'],
    queryFn: () => call(routes.needs, { params: { id: personId } }),
    enabled,
  });
}

/** The territory's list of objectives and actions (reference list `action_plan`). */
export function useActionPlanList(enabled = true) {
  const referential = useReferential('action_plan');
  const parsed = enabled && referential.data ? actionPlanContent.safeParse(referential.data.content) : null;
  return { ...referential, list: parsed?.success ? (parsed.data as ActionPlanContent) : null };
}

/** After any change: the person's record (summary, contracts, timeline) and the worklists. */
function useInvalidateContracts() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: contractsKey }),
      client.invalidateQueries({ queryKey: peopleKey }),
    ]);
}

function useContractMutation<TInput>(
  fn: (input: TInput) => Promise<unknown>,
): ReturnType<typeof useMutation<unknown, Error, TInput>> {
  const invalidate = useInvalidateContracts();
  return useMutation<unknown, Error, TInput>({ mutationFn: fn, onSuccess: invalidate });
}

export const useCreateContract = (personId: string) =>
  useContractMutation((body: CreateContractBody) => call(routes.create, { params: { id: personId }, body }));

export const useRecordLegacyContract = (personId: string) =>
  useContractMutation((body: LegacyContractBody) =>
    call(routes.recordLegacy, { params: { id: personId }, body }),
  );

export const useUpdateContract = (contractId: string) =>
  useContractMutation((body: UpdateContractBody) =>
    call(routes.update, { params: { id: contractId }, body }),
  );

export const useContractTransition = (contractId: string) =>
  useContractMutation((body: ContractTransitionBody) =>
    call(routes.transition, { params: { id: contractId }, body }),
  );

export const useAddObjective = (contractId: string) =>
  useContractMutation((body: ObjectiveBody) =>
    call(routes.addObjective, { params: { id: contractId }, body }),
  );

export const useUpdateObjective = (contractId: string) =>
  useContractMutation((input: { objectiveId: string; body: ObjectiveUpdateBody }) =>
    call(routes.updateObjective, {
      params: { id: contractId, objectiveId: input.objectiveId },
      body: input.body,
    }),
  );

export const useRemoveObjective = (contractId: string) =>
  useContractMutation((objectiveId: string) =>
    call(routes.removeObjective, { params: { id: contractId, objectiveId } }),
  );

export const useAddAction = (contractId: string) =>
  useContractMutation((input: { objectiveId: string; body: ActionBody }) =>
    call(routes.addAction, { params: { id: contractId, objectiveId: input.objectiveId }, body: input.body }),
  );

export const useUpdateAction = () =>
  useContractMutation((input: { actionId: string; body: ActionUpdateBody }) =>
    call(routes.updateAction, { params: { id: input.actionId }, body: input.body }),
  );

export const useRemoveAction = () =>
  useContractMutation((actionId: string) => call(routes.removeAction, { params: { id: actionId } }));

export const useAddAdjustment = (contractId: string) =>
  useContractMutation((body: AdjustmentBody) =>
    call(routes.addAdjustment, { params: { id: contractId }, body }),
  );

export const useRemoveAdjustment = (contractId: string) =>
  useContractMutation((adjustmentId: string) =>
    call(routes.removeAdjustment, { params: { id: contractId, adjustmentId } }),
  );

/** « Contrats à signer / à réviser »: nearest deadline first (server order), keyset pagination. */
export function useContractWorklist(list: WorklistList, scope: WorklistScope) {
  return useInfiniteQuery({
    queryKey: [...contractsKey, 'worklist', list, scope],
    queryFn: ({ pageParam }) =>
      call(routes.worklist, { query: { list, scope, after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useIssueSignatureLinks() {
  const invalidate = useInvalidateContracts();
  return useMutation({
    mutationFn: (contractIds: string[]) => call(routes.issueLinks, { body: { contractIds } }),
    onSuccess: invalidate,
  });
}
