import type { OrganisationKind } from '@spie/contract/territories';
import { territoriesRoutes } from '@spie/contract/territories';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';

const routes = territoriesRoutes;
export const organisationsKey = ['organisations'] as const;

export interface OrganisationFilters {
  q?: string;
  kind?: OrganisationKind;
  includeInactive?: boolean;
}

export function useOrganisations(filters: OrganisationFilters = {}) {
  return useQuery({
    queryKey: [...organisationsKey, 'list', filters],
    queryFn: () =>
      call(routes.listOrganisations, {
        query: {
          q: filters.q || undefined,
          kind: filters.kind,
          includeInactive: filters.includeInactive ? 'true' : undefined,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: [...organisationsKey, 'one', id],
    queryFn: () => call(routes.getOrganisation, { params: { id } }),
  });
}

export type OrganisationBody = z.input<typeof routes.createOrganisation.body>;

export function useCreateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationBody) => call(routes.createOrganisation, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: organisationsKey }),
  });
}

export function useUpdateOrganisation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { organisation: OrganisationBody; version: number }) =>
      call(routes.updateOrganisation, { params: { id }, body }),
    onSuccess: (organisation) => {
      client.setQueryData([...organisationsKey, 'one', id], organisation);
      return client.invalidateQueries({ queryKey: [...organisationsKey, 'list'] });
    },
  });
}

export function useSetOrganisationActive(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (active: boolean) => call(routes.setOrganisationActive, { params: { id }, body: { active } }),
    onSuccess: (organisation) => {
      client.setQueryData([...organisationsKey, 'one', id], organisation);
      return client.invalidateQueries({ queryKey: [...organisationsKey, 'list'] });
    },
  });
}

/** Communes matching a name or a postal code (at least 2 characters). */
export function useCommunes(search: string) {
  const q = search.trim();
  return useQuery({
    queryKey: ['communes', q],
    queryFn: () => call(routes.listCommunes, { query: { q } }),
    enabled: q.length >= 2,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
