import { contractsRoutes } from '@spie/contract/contracts';
import { bindHandler, bindUseCase, type RouteBinding } from '../../http/binding';
import { execute } from '../../kernel/useCase';
import { recordHours } from './recordHours';
import { weekDetail } from './weekDetail';
import { weeklyActivity } from './weeklyActivity';

export const activityBindings: RouteBinding[] = [
  bindUseCase(contractsRoutes.weeklyActivity, weeklyActivity),
  bindUseCase(contractsRoutes.week, weekDetail),
  // The answer is the entry only (the use case also returns ids for its audit row).
  bindHandler(contractsRoutes.recordHours, async (ctx) =>
    contractsRoutes.recordHours.response.parse(
      await execute(ctx.deps, recordHours, { ...(ctx.body as object), ...ctx.params }, ctx.actor, {
        requestId: ctx.requestId,
      }),
    ),
  ),
];
