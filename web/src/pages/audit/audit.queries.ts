import { auditRoutes } from '@spie/contract/audit';
import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../api';

export function useAuditLog(action: string) {
  const filter = action.trim() || undefined;
  return useInfiniteQuery({
    queryKey: ['audit', filter ?? ''],
    queryFn: ({ pageParam }) =>
      call(auditRoutes.listAudit, { query: { action: filter, after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
  });
}
