import { territoriesRoutes } from '@spie/contract/territories';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';

const routes = territoriesRoutes;
export const accountsKey = ['accounts'] as const;

/** Keyset pagination: each page gives the cursor (`next`) of the following one. */
export function useAccounts(search: string) {
  const q = search.trim() || undefined;
  return useInfiniteQuery({
    queryKey: [...accountsKey, 'list', q ?? ''],
    queryFn: ({ pageParam }) => call(routes.listAccounts, { query: { q, after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
  });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: [...accountsKey, 'one', id],
    queryFn: () => call(routes.getAccount, { params: { id } }),
  });
}

export type CreateAccountBody = z.input<typeof routes.createAccount.body>;
export type AccountIdentityBody = z.input<typeof routes.updateAccount.body>['account'];
export type MembershipBody = z.input<typeof routes.addMembership.body>;

function useAccountMutation<T>(id: string, mutationFn: (input: T) => ReturnType<typeof fetchAccount>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (account) => {
      client.setQueryData([...accountsKey, 'one', id], account);
      return client.invalidateQueries({ queryKey: [...accountsKey, 'list'] });
    },
  });
}
const fetchAccount = (id: string) => call(routes.getAccount, { params: { id } });

export function useCreateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccountBody) => call(routes.createAccount, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountsKey }),
  });
}

export function useUpdateAccount(id: string) {
  return useAccountMutation(id, (body: { account: AccountIdentityBody; version: number }) =>
    call(routes.updateAccount, { params: { id }, body }),
  );
}

export function useSetAccountActive(id: string) {
  return useAccountMutation(id, (active: boolean) =>
    call(routes.setAccountActive, { params: { id }, body: { active } }),
  );
}

export function useAddMembership(id: string) {
  return useAccountMutation(id, (body: MembershipBody) =>
    call(routes.addMembership, { params: { id }, body }),
  );
}

export function useEndMembership(id: string) {
  return useAccountMutation(id, (membershipId: string) =>
    call(routes.endMembership, { params: { id, membershipId } }),
  );
}
