import type { Operation } from '@spie/contract/people';
import type { MemberActor } from '../../kernel/actor';
import { notFound, staleVersion } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { may, personAccess, requireNotMerged } from '../people';
import { type DiagnosticRow, loadDraftRow, toDiagnostic } from './diagnostic.queries';

/**
 * The diagnostic is a section of the person record (domain §8): read by the team (intervenants
 * included) and the orientation managers, written by the référent and co-référents of any
 * organisation of the team — so two professionals of two organisations can build it together.
 * A person outside the actor's territory is a 404; a person they may not see, a 403.
 */
export async function mayDiagnostic(
  ctx: UseCaseContext<MemberActor>,
  personId: string,
  op: Operation,
): Promise<boolean> {
  const { access } = await personAccess(ctx, personId);
  return may(access, 'diagnostic', op);
}

export const noDraft = () =>
  notFound('diagnostic.no_draft', 'Aucun diagnostic en cours pour cette personne : commencez-en un.');

/**
 * For a write on the draft: the person's record is the kept one, the draft exists (404 otherwise)
 * and, when a `revision` is given, nobody saved it meanwhile (409 carrying the current draft).
 */
export async function draftForWrite(
  ctx: UseCaseContext<MemberActor>,
  personId: string,
  revision?: number,
): Promise<DiagnosticRow> {
  const { territoryId } = ctx.actor;
  await requireNotMerged(ctx, personId);
  const draft = await loadDraftRow(ctx.trx, territoryId, personId);
  if (!draft) throw noDraft();
  if (revision !== undefined && draft.revision !== revision)
    throw staleVersion('diagnostic', await toDiagnostic(ctx.trx, territoryId, draft));
  return draft;
}

export const noVersion = () =>
  notFound('diagnostic.version_not_found', 'Cette version du diagnostic n’existe pas.');

/** One consultation row per read of the diagnostic (domain §8: every consultation is traced). */
export async function auditDiagnosticRead(
  ctx: UseCaseContext<MemberActor>,
  action: string,
  personId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await ctx.audit({
    action,
    subjectType: 'person',
    subjectId: personId,
    personId,
    section: 'diagnostic',
    details,
  });
}
