import { contractsRoutes, type SignatureChannel } from '@spie/contract/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../api';

const routes = contractsRoutes;

/** The link's state (no account needed). Never refetched on its own while the person goes through the steps. */
export function usePublicSignature(token: string) {
  return useQuery({
    queryKey: ['public-signature', token],
    queryFn: () => call(routes.publicSignature, { params: { token } }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSendCode(token: string) {
  return useMutation({
    mutationFn: (channel: SignatureChannel) =>
      call(routes.publicSendCode, { params: { token }, body: { channel } }),
  });
}

export function useVerifyCode(token: string) {
  return useMutation({
    mutationFn: (code: string) => call(routes.publicVerifyCode, { params: { token }, body: { code } }),
  });
}

export function useSign(token: string) {
  return useMutation({
    mutationFn: (ticket: string) =>
      call(routes.publicSign, { params: { token }, body: { ticket, accepted: true } }),
  });
}
