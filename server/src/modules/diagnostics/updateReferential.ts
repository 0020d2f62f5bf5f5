import { fieldErrorsFromZod } from '@spie/contract';
import { diagnosticsRoutes, referentialKindLabels } from '@spie/contract/diagnostics';
import { DomainError, staleVersion } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { toReferential } from './getReferential';
import { currentReferential, referentialProblems, referentialSchemas } from './referentials';

const r = diagnosticsRoutes.updateReferential;

/**
 * Publishes a new version of a reference list (territory administration). Every version is
 * kept: a diagnostic records the version of the situations it was written with.
 */
export const updateReferential = defineUseCase({
  name: 'diagnostics.updateReferential',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: (ctx) => ctx.actor.role === 'territory_admin',
  run: async (ctx, input) => {
    const { territoryId } = ctx.actor;
    const parsed = referentialSchemas[input.kind].safeParse(input.content);
    if (!parsed.success) {
      throw new DomainError(
        'validation',
        'referential.invalid',
        `${referentialKindLabels[input.kind]} : certaines informations sont à corriger.`,
        fieldErrorsFromZod(parsed.error).map((f) => ({ ...f, path: `content.${f.path}` })),
      );
    }
    const current = await currentReferential(ctx.trx, territoryId, input.kind);
    if (current.version !== input.expectedVersion)
      throw staleVersion('referential', { version: current.version });
    const situations = await currentReferential(ctx.trx, territoryId, 'constraint_situations');
    const problems = referentialProblems(input.kind, parsed.data, {
      previous: current.content,
      situations: input.kind === 'constraint_situations' ? parsed.data : situations.content,
    } as never);
    if (problems.length > 0) {
      throw new DomainError(
        'validation',
        'referential.inconsistent',
        problems[0]?.message ?? 'Certaines informations sont à corriger.',
        problems.map((f) => ({ ...f, path: `content.${f.path}` })),
      );
    }
    const version = current.version + 1;
    const inserted = await ctx.trx
      .insertInto('reference_lists')
      .values({
        territory_id: territoryId,
        kind: input.kind,
        version,
        content: JSON.stringify(parsed.data),
        created_by_account_id: ctx.actor.accountId,
        created_at: ctx.now,
      })
      // Another administrator published the same version first.
      .onConflict((oc) => oc.columns(['territory_id', 'kind', 'version']).doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!inserted) throw staleVersion('referential', { version: current.version + 1 });
    ctx.emit({ type: 'ReferentialUpdated', territoryId, payload: { kind: input.kind, version } });
    return toReferential(await currentReferential(ctx.trx, territoryId, input.kind));
  },
  auditSubject: (input, output) => ({
    subjectType: 'referential',
    subjectId: input.kind,
    details: { version: output.version },
  }),
});
