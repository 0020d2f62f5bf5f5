import { territoriesRoutes } from '@spie/contract/territories';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';

export const territoryKey = ['territory'] as const;

export function useTerritory(enabled = true) {
  return useQuery({ queryKey: territoryKey, queryFn: () => call(territoriesRoutes.getTerritory), enabled });
}

export type UpdateSettingsBody = z.input<typeof territoriesRoutes.updateSettings.body>;

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSettingsBody) => call(territoriesRoutes.updateSettings, { body }),
    onSuccess: (territory) => client.setQueryData(territoryKey, territory),
  });
}
