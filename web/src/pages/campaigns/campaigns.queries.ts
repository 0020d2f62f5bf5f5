import { buildPath } from '@spie/contract';
import { campaignsRoutes, type RecipientOutcome } from '@spie/contract/campaigns';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';

const routes = campaignsRoutes;
export const campaignsKey = ['campaigns'] as const;

export type PreviewBody = z.input<typeof routes.preview.body>;
export type LaunchBody = z.input<typeof routes.launch.body>;
export type ConvocationBody = z.input<typeof routes.convoke.body>;

/** The organisation's (or territory's) campaigns, the most recent first, keyset pagination. */
export function useCampaigns() {
  return useInfiniteQuery({
    queryKey: [...campaignsKey, 'list'],
    queryFn: ({ pageParam }) => call(routes.list, { query: { after: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: [...campaignsKey, 'one', id],
    queryFn: () => call(routes.get, { params: { id } }),
  });
}

/** The people of a campaign and their outcome, optionally one outcome only. */
export function useCampaignRecipients(id: string, outcome: RecipientOutcome | undefined) {
  return useInfiniteQuery({
    queryKey: [...campaignsKey, 'one', id, 'recipients', outcome ?? 'all'],
    queryFn: ({ pageParam }) =>
      call(routes.recipients, {
        params: { id },
        query: { after: pageParam, limit: 50, ...(outcome ? { outcome } : {}) },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCampaignPreview() {
  return useMutation({ mutationFn: (body: PreviewBody) => call(routes.preview, { body }) });
}

export function useLaunchCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LaunchBody) => call(routes.launch, { body }),
    onSuccess: (campaign) => {
      client.setQueryData([...campaignsKey, 'one', campaign.id], campaign);
      return client.invalidateQueries({ queryKey: [...campaignsKey, 'list'] });
    },
  });
}

function useInvalidateCampaign(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: campaignsKey }),
      client.invalidateQueries({ queryKey: ['people'] }),
      client.invalidateQueries({ queryKey: ['agenda'] }),
      client.invalidateQueries({ queryKey: [...campaignsKey, 'one', id] }),
    ]);
}

export function useConvoke(id: string) {
  const invalidate = useInvalidateCampaign(id);
  return useMutation({
    mutationFn: (body: ConvocationBody) => call(routes.convoke, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useCancelCampaign(id: string) {
  const invalidate = useInvalidateCampaign(id);
  return useMutation({
    mutationFn: () => call(routes.cancel, { params: { id } }),
    onSuccess: invalidate,
  });
}

/** Files downloaded by the browser with the session cookie. */
export const reportCsvHref = (id: string) => buildPath(routes.exportCsv.path, { id });
export const lettersPdfHref = (id: string) => buildPath(routes.lettersPdf.path, { id });
