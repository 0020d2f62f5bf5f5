import { diagnosticsRoutes } from '@spie/contract/diagnostics';
import { defineUseCase } from '../../kernel/useCase';
import { loadDraftRow, loadVersionRows, toDiagnostic, versionSummaries } from './diagnostic.queries';
import { cafLabel, personCafCodes } from './diagnostic.sources';
import { auditDiagnosticRead, mayDiagnostic } from './diagnostics.access';
import { currentReferential } from './referentials';

/** The person's diagnostic: the draft in progress, the validated versions, the CAF starting point. */
export const overview = defineUseCase({
  name: 'diagnostics.overview',
  kind: 'query',
  input: diagnosticsRoutes.overview.params,
  authorize: (ctx, input) => mayDiagnostic(ctx, input.id, 'read'),
  run: async (ctx, input) => {
    const { territoryId } = ctx.actor;
    const draftRow = await loadDraftRow(ctx.trx, territoryId, input.id);
    const versions = await versionSummaries(
      ctx.trx,
      territoryId,
      await loadVersionRows(ctx.trx, territoryId, input.id),
    );
    const codes = await personCafCodes(ctx.trx, territoryId, input.id);
    const mapping =
      codes.length > 0 ? (await currentReferential(ctx.trx, territoryId, 'caf_mapping')).content : null;
    await auditDiagnosticRead(ctx, 'diagnostics.overview', input.id, {
      draft: draftRow?.id ?? null,
      versions: versions.length,
    });
    return {
      draft: draftRow ? await toDiagnostic(ctx.trx, territoryId, draftRow) : null,
      versions,
      cafCodes: codes.map((c) => ({
        code: c.code,
        value: c.value,
        label: mapping ? cafLabel(mapping, c.code, c.value) : c.value,
        receivedOn: c.receivedOn,
      })),
    };
  },
});
