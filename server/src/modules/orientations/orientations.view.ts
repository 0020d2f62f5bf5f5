import type { Orientation, OrientationStatus } from '@spie/contract/orientations';
import type { UseCaseContext } from '../../kernel/useCase';
import { actorKindsOf, allowedFor } from './orientations.engine';
import { toOrientations } from './orientations.read';
import { type OrientationRow, settingsOf, territoryOf, transitionSettings } from './orientations.store';

/** Rows as the caller sees them, with the actions the table lets them take next. */
export async function viewOrientations(ctx: UseCaseContext, rows: OrientationRow[]): Promise<Orientation[]> {
  const territoryId = territoryOf(ctx.actor);
  const settings = transitionSettings(await settingsOf(ctx.trx, territoryId));
  return toOrientations(ctx.trx, territoryId, rows, (r) =>
    allowedFor(r.status as OrientationStatus, settings, actorKindsOf(ctx.actor, r)),
  );
}

export async function viewOrientation(ctx: UseCaseContext, id: string): Promise<Orientation> {
  const row = await ctx.trx
    .selectFrom('orientations')
    .selectAll()
    .where('territory_id', '=', territoryOf(ctx.actor))
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const [view] = await viewOrientations(ctx, [row]);
  if (!view) throw new Error('orientation vanished');
  return view;
}
