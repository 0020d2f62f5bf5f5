import { z } from 'zod';
import { systemActor } from '../../kernel/actor';
import type { Deps } from '../../kernel/deps';
import type { StoredEvent } from '../../kernel/outbox';
import { defineUseCase, execute } from '../../kernel/useCase';
import { storeGeneratedDocument } from '../people';
import { renderContractPdf } from './contractPdf';
import type { ContractSnapshot } from './contractSnapshot';

const input = z.object({
  contractId: z.uuid(),
  version: z.number().int().min(1),
  pdf: z.instanceof(Buffer),
});

/**
 * System step after a signature: the PDF of the signed version goes into the person's documents
 * (category « Contrat ») and the version points to it. A redelivered event finds the document
 * already there and does nothing.
 */
export const storeContractDocument = defineUseCase({
  name: 'contracts.storeDocument',
  kind: 'command',
  actors: ['system'],
  input,
  authorize: (ctx) => ctx.actor.territoryId !== null,
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId as string;
    const v = await ctx.trx
      .selectFrom('contract_versions as v')
      .innerJoin('engagement_contracts as c', (j) =>
        j.onRef('c.territory_id', '=', 'v.territory_id').onRef('c.id', '=', 'v.contract_id'),
      )
      .select(['v.document_id', 'c.person_id', 'c.organisation_id'])
      .where('v.territory_id', '=', t)
      .where('v.contract_id', '=', input.contractId)
      .where('v.version', '=', input.version)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (v.document_id) return { personId: v.person_id, documentId: v.document_id, stored: false };
    const documentId = await storeGeneratedDocument(ctx.trx, {
      territoryId: t,
      personId: v.person_id,
      category: 'contract',
      section: 'documents',
      filename:
        input.version > 1 ? `contrat-engagement-avenant-${input.version - 1}.pdf` : 'contrat-engagement.pdf',
      contentType: 'application/pdf',
      bytes: input.pdf,
      organisationId: v.organisation_id,
      at: ctx.now,
    });
    await ctx.trx
      .updateTable('contract_versions')
      .set({ document_id: documentId })
      .where('territory_id', '=', t)
      .where('contract_id', '=', input.contractId)
      .where('version', '=', input.version)
      .execute();
    return { personId: v.person_id, documentId, stored: true };
  },
  auditSubject: (input, output) => ({
    subjectType: 'contract',
    subjectId: input.contractId,
    personId: output.personId,
    section: 'documents',
    details: { version: input.version, stored: output.stored },
  }),
});

/** Subscriber of ContractSigned: renders the PDF outside any transaction, then stores it. */
export async function onContractSigned(deps: Deps, event: StoredEvent): Promise<void> {
  const territoryId = event.territoryId;
  const { contractId, version } = event.payload as { contractId?: unknown; version?: unknown };
  if (!territoryId || typeof contractId !== 'string' || typeof version !== 'number') return;
  const v = await deps.database.db
    .selectFrom('contract_versions')
    .select(['snapshot', 'document_id'])
    .where('territory_id', '=', territoryId)
    .where('contract_id', '=', contractId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!v || v.document_id) return; // already stored (redelivery)
  const started = performance.now();
  const pdf = await renderContractPdf(v.snapshot as unknown as ContractSnapshot);
  deps.logger.debug(
    { contractId, version, ms: Math.round(performance.now() - started), bytes: pdf.length },
    'contract PDF rendered',
  );
  await execute(
    deps,
    storeContractDocument,
    { contractId, version, pdf },
    systemActor('contracts.storeDocument', territoryId),
  );
}
