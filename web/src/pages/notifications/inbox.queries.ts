import { notificationsRoutes } from '@spie/contract/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../api';

export function useDemoInbox() {
  return useInfiniteQuery({
    queryKey: ['demoInbox'],
    queryFn: ({ pageParam }) =>
      call(notificationsRoutes.demoInbox, { query: { after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
  });
}
