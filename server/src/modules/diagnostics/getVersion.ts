import { diagnosticsRoutes } from '@spie/contract/diagnostics';
import { defineUseCase } from '../../kernel/useCase';
import { loadVersionRow, toDiagnostic } from './diagnostic.queries';
import { auditDiagnosticRead, mayDiagnostic, noVersion } from './diagnostics.access';

/** One validated version, read-only. */
export const getVersion = defineUseCase({
  name: 'diagnostics.version',
  kind: 'query',
  input: diagnosticsRoutes.version.params,
  authorize: (ctx, input) => mayDiagnostic(ctx, input.id, 'read'),
  run: async (ctx, input) => {
    const row = await loadVersionRow(ctx.trx, ctx.actor.territoryId, input.id, input.version);
    if (!row) throw noVersion();
    await auditDiagnosticRead(ctx, 'diagnostics.version', input.id, {
      diagnosticId: row.id,
      version: row.version,
    });
    return toDiagnostic(ctx.trx, ctx.actor.territoryId, row);
  },
});
