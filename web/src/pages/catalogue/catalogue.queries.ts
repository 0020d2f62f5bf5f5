import { errorBody } from '@spie/contract';
import {
  catalogueRoutes,
  type ImportFormat,
  type ImportKind,
  type ImportReport,
  importReport,
} from '@spie/contract/catalogue';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, call } from '../../api';
import { type SearchFilters, searchQueryOf } from './catalogueFormat';

const routes = catalogueRoutes;
export const catalogueKey = ['catalogue'] as const;

export type ServiceWriteBody = z.input<typeof routes.createService.body>;
export type SessionBody = z.input<typeof routes.createSession.body>;
export type StatusBody = z.input<typeof routes.changeServiceStatus.body>;
export type OccupancyQuery = { organisationId?: string | undefined; thematique?: string | undefined };

export function useCatalogueSearch(filters: SearchFilters) {
  const query = searchQueryOf(filters);
  return useInfiniteQuery({
    queryKey: [...catalogueKey, 'search', query],
    queryFn: ({ pageParam }) => call(routes.search, { query: { ...query, after: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useService(id: string | undefined) {
  return useQuery({
    queryKey: [...catalogueKey, 'service', id],
    queryFn: () => call(routes.getService, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useSessions(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...catalogueKey, 'service', id, 'sessions'],
    queryFn: () => call(routes.sessions, { params: { id: id ?? '' } }),
    enabled: Boolean(id) && enabled,
  });
}

export function useWaitingList(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...catalogueKey, 'service', id, 'waiting-list'],
    queryFn: () => call(routes.waitingList, { params: { id: id ?? '' } }),
    enabled: Boolean(id) && enabled,
  });
}

export function useOwnedServices(filters: { status?: string | undefined; stale: boolean }) {
  const query = {
    status: (filters.status || undefined) as z.input<typeof routes.ownedServices.query>['status'],
    stale: filters.stale ? 'true' : undefined,
  };
  return useInfiniteQuery({
    queryKey: [...catalogueKey, 'owned', query],
    queryFn: ({ pageParam }) =>
      call(routes.ownedServices, { query: { ...query, after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useStructures() {
  return useQuery({
    queryKey: [...catalogueKey, 'structures'],
    queryFn: () => call(routes.structures, { query: { limit: 200 } }),
    staleTime: 60_000,
  });
}

export function useOccupancy(query: OccupancyQuery) {
  return useInfiniteQuery({
    queryKey: [...catalogueKey, 'occupancy', query],
    queryFn: ({ pageParam }) => call(routes.occupancy, { query: { ...query, after: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function useInvalidateCatalogue() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: catalogueKey });
}

export function useCreateService() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: (body: ServiceWriteBody) => call(routes.createService, { body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateService(id: string) {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: (body: ServiceWriteBody & { revision: number }) =>
      call(routes.updateService, { params: { id }, body }),
    onSuccess: () => invalidate(),
  });
}

export function useChangeServiceStatus(id: string) {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: (body: StatusBody) => call(routes.changeServiceStatus, { params: { id }, body }),
    onSuccess: () => invalidate(),
  });
}

export function useMarkUpToDate() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: (input: { id: string; revision: number }) =>
      call(routes.markUpToDate, { params: { id: input.id }, body: { revision: input.revision } }),
    onSuccess: () => invalidate(),
  });
}

export function useSaveSession(serviceId: string) {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: (input: { sessionId: string | null; revision: number; body: SessionBody }) =>
      input.sessionId
        ? call(routes.updateSession, {
            params: { id: serviceId, sessionId: input.sessionId },
            body: { session: input.body, revision: input.revision },
          })
        : call(routes.createSession, { params: { id: serviceId }, body: input.body }),
    onSuccess: () => invalidate(),
  });
}

/* --- Import: the raw file, sent as it is (the server reads it as a stream) --------------------- */

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * POSTs a file as `application/octet-stream` with the CSRF header (the typed `call` sends JSON
 * only). Errors come back as `ApiError`, like `call`'s.
 */
export async function postRawFile(url: string, file: Blob): Promise<unknown> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/octet-stream',
  };
  const csrf = readCookie('spie_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError({
      kind: 'internal',
      code: 'network',
      message: 'Le serveur ne répond pas. Vérifiez votre connexion internet puis réessayez.',
      status: 0,
    });
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorBody.safeParse(json);
    if (parsed.success) throw new ApiError({ ...parsed.data.error, status: response.status });
    throw new ApiError({
      kind: 'internal',
      code: `http.${response.status}`,
      message:
        response.status === 413
          ? 'Le fichier est trop gros : 50 Mo au plus. Découpez-le en plusieurs fichiers.'
          : 'Le serveur a rencontré un problème. Réessayez dans quelques instants.',
      status: response.status,
    });
  }
  return json;
}

export function useImportFile() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: async (input: {
      kind: ImportKind;
      format: ImportFormat;
      dryRun: boolean;
      file: File;
    }): Promise<ImportReport> => {
      const search = new URLSearchParams({
        kind: input.kind,
        format: input.format,
        dryRun: String(input.dryRun),
      });
      const json = await postRawFile(`${routes.import.path}?${search.toString()}`, input.file);
      const parsed = importReport.safeParse(json);
      if (!parsed.success) {
        throw new ApiError({
          kind: 'internal',
          code: 'contract.response_mismatch',
          message: 'La réponse du serveur est inattendue. Rechargez la page et réessayez.',
          status: 200,
        });
      }
      return parsed.data;
    },
    onSuccess: (report) => {
      if (report.applied) void invalidate();
    },
  });
}
