import {
  type AuthorField,
  type ConstraintFamily,
  constraintSituationsContent,
  type Diagnostic,
  diagnosticsRoutes,
  type ReferentialKind,
} from '@spie/contract/diagnostics';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';

const routes = diagnosticsRoutes;

/** Under the person's key, so that any refresh of the person's record refreshes the diagnostic too. */
const diagnosticsKey = (personId: string) => ['people', 'person', personId, 'diagnostics'] as const;
const referentialKey = (kind: ReferentialKind) => ['referentials', kind] as const;

export type SaveDraftBody = z.input<typeof routes.saveDraft.body>;
export type CompleteDraftBody = z.input<typeof routes.completeDraft.body>;
type Overview = z.output<typeof routes.overview.response>;
export type StartFrom = z.input<typeof routes.startDraft.body>['from'];

export function useDiagnosticsOverview(personId: string) {
  return useQuery({
    queryKey: [...diagnosticsKey(personId), 'overview'],
    queryFn: () => call(routes.overview, { params: { id: personId } }),
  });
}

/** One completed version (read-only): it changes only when co-signed, which refreshes it. */
export function useDiagnosticVersion(personId: string, version: number | null) {
  return useQuery({
    queryKey: [...diagnosticsKey(personId), 'version', version],
    queryFn: () => call(routes.version, { params: { id: personId, version: version ?? 1 } }),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useInvalidateDiagnostics(personId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: diagnosticsKey(personId) });
}

/** The draft just started or saved replaces the one in the overview (its revision is sent back next time). */
function useSetDraft(personId: string) {
  const client = useQueryClient();
  return (draft: Diagnostic) =>
    client.setQueryData<Overview>([...diagnosticsKey(personId), 'overview'], (old) =>
      old ? { ...old, draft } : old,
    );
}

export function useStartDraft(personId: string) {
  const setDraft = useSetDraft(personId);
  const invalidate = useInvalidateDiagnostics(personId);
  return useMutation({
    mutationFn: (from: StartFrom) => call(routes.startDraft, { params: { id: personId }, body: { from } }),
    onSuccess: (draft) => {
      setDraft(draft);
      return invalidate();
    },
  });
}

export function useSaveDraft(personId: string) {
  const setDraft = useSetDraft(personId);
  return useMutation({
    mutationFn: (body: SaveDraftBody) => call(routes.saveDraft, { params: { id: personId }, body }),
    onSuccess: setDraft,
  });
}

export function useDiscardDraft(personId: string) {
  const invalidate = useInvalidateDiagnostics(personId);
  return useMutation({
    mutationFn: () => call(routes.discardDraft, { params: { id: personId } }),
    onSuccess: invalidate,
  });
}

export function useCompleteDraft(personId: string) {
  const invalidate = useInvalidateDiagnostics(personId);
  return useMutation({
    mutationFn: (body: CompleteDraftBody) => call(routes.completeDraft, { params: { id: personId }, body }),
    onSuccess: invalidate,
  });
}

export function useConfirmVersion(personId: string) {
  const invalidate = useInvalidateDiagnostics(personId);
  return useMutation({
    mutationFn: (input: { version: number; field: AuthorField }) =>
      call(routes.confirmVersion, {
        params: { id: personId, version: input.version },
        body: { field: input.field },
      }),
    onSuccess: invalidate,
  });
}

export function useRomeSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['rome', 'appellations', text],
    queryFn: () => call(routes.romeSearch, { query: { q: text, limit: 10 } }),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}

export function useReferential(kind: ReferentialKind) {
  return useQuery({
    queryKey: referentialKey(kind),
    queryFn: () => call(routes.referential, { params: { kind } }),
    staleTime: 5 * 60_000,
  });
}

export type SituationItem = z.infer<typeof constraintSituationsContent>['families'][ConstraintFamily][number];
export type SituationLists = Record<ConstraintFamily, SituationItem[]>;

/** The territory's concrete situations per family (retired ones included: old diagnostics name them). */
export function useConstraintSituations() {
  const referential = useReferential('constraint_situations');
  const parsed = referential.data ? constraintSituationsContent.safeParse(referential.data.content) : null;
  return {
    ...referential,
    lists: parsed?.success ? (parsed.data.families as SituationLists) : null,
  };
}

export function useUpdateReferential(kind: ReferentialKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { content: Record<string, unknown>; expectedVersion: number }) =>
      call(routes.updateReferential, { params: { kind }, body }),
    onSuccess: (referential) => client.setQueryData(referentialKey(kind), referential),
  });
}
