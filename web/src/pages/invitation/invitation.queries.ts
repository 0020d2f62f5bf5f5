import { campaignsRoutes, type publicInvitation } from '@spie/contract/campaigns';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';
import type { CallbackTime } from './invitationFormat';

const routes = campaignsRoutes;
export type PublicInvitation = z.infer<typeof publicInvitation>;
export const invitationKey = (token: string) => ['public-invitation', token] as const;

/** The invitation (no account needed); not refetched on its own while the person chooses. */
export function usePublicInvitation(token: string | null) {
  return useQuery({
    queryKey: invitationKey(token ?? ''),
    queryFn: () => call(routes.publicInvitation, { params: { token: token ?? '' } }),
    enabled: token !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Both answers return the invitation as answered; the page keeps it as the query's data. */
export function useBookSlot(token: string) {
  return useMutation({
    mutationFn: (slotId: string) => call(routes.publicBook, { params: { token }, body: { slotId } }),
  });
}

export function useAskCallback(token: string) {
  return useMutation({
    mutationFn: (preferredTime: CallbackTime) =>
      call(routes.publicCallback, { params: { token }, body: { preferredTime } }),
  });
}
