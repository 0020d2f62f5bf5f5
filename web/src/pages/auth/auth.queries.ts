import { authRoutes, type SessionInfo } from '@spie/contract/auth';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import { queryClient } from '../../queryClient';

export const sessionKey = ['auth', 'session'] as const;

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: () => call(authRoutes.getSession), staleTime: 60_000 });
}

export function useLoginMethods() {
  return useQuery({ queryKey: ['auth', 'methods'], queryFn: () => call(authRoutes.loginMethods) });
}

export function useDemoAccounts(enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'demoAccounts'],
    queryFn: () => call(authRoutes.listDemoAccounts),
    enabled,
  });
}

/** What the session looks like once nobody is signed in (kept from the last known session). */
export function anonymousSession(previous: SessionInfo | undefined): SessionInfo {
  return {
    authenticated: false,
    demoMode: previous?.demoMode ?? false,
    account: null,
    memberships: [],
    activeMembership: null,
    expiresAt: null,
    idleTimeoutMinutes: previous?.idleTimeoutMinutes ?? 0,
  };
}

/** Called on any 401: forget everything cached, the route guards then lead to the login page. */
export function forgetSession(): void {
  const previous = queryClient.getQueryData<SessionInfo>(sessionKey);
  queryClient.removeQueries({ predicate: (query) => query.queryKey !== sessionKey });
  queryClient.setQueryData(sessionKey, anonymousSession(previous));
}

/** A new session or a new active membership changes what every query answers: start afresh. */
function useReplaceSession() {
  const client = useQueryClient();
  return (session: SessionInfo) => {
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    client.setQueryData(sessionKey, session);
  };
}

export function useDemoLogin() {
  const replaceSession = useReplaceSession();
  return useMutation({
    mutationFn: (accountId: string) => call(authRoutes.demoLogin, { body: { accountId } }),
    onSuccess: replaceSession,
  });
}

export function useChooseMembership() {
  const replaceSession = useReplaceSession();
  return useMutation({
    mutationFn: (membershipId: string) => call(authRoutes.chooseMembership, { body: { membershipId } }),
    onSuccess: replaceSession,
  });
}

export function useLogout() {
  return useMutation({ mutationFn: () => call(authRoutes.logout), onSuccess: forgetSession });
}

export function useLogoutEverywhere() {
  return useMutation({ mutationFn: () => call(authRoutes.logoutEverywhere), onSuccess: forgetSession });
}
