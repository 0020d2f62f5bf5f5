import { reviewRoutes as r } from '@spie/contract/review';
import { bindHandler, bindUseCase, type RouteBinding } from '../../http/binding';
import { execute } from '../../kernel/useCase';
import { acknowledgeAlert } from './acknowledgeAlert';
import { addSituationReview } from './addSituationReview';
import { caseload } from './caseload';
import { caseloadCsv } from './caseloadCsv';
import { coverage } from './coverage';
import { getAlert } from './getAlert';
import { listRules } from './listRules';
import { overview } from './overview';
import { personAlerts } from './personAlerts';
import { recompute } from './recompute';
import { recordContact } from './recordContact';
import { recomputeTerritory } from './review.passes';
import { situationReviews } from './situationReviews';
import { snoozeAlert } from './snoozeAlert';
import { unsnoozeAlert } from './unsnoozeAlert';
import { updateRule } from './updateRule';

/** RFC 5987 encoding of a filename for `content-disposition`. */
const encodeFilename = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const reviewRouteBindings: RouteBinding[] = [
  bindUseCase(r.caseload, caseload),
  bindHandler(r.caseloadCsv, async (ctx) => {
    const file = await execute(ctx.deps, caseloadCsv, ctx.query, ctx.actor, { requestId: ctx.requestId });
    return ctx.reply
      .status(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeFilename(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(file.content);
  }),
  bindUseCase(r.personAlerts, personAlerts),
  bindUseCase(r.alert, getAlert),
  bindUseCase(r.acknowledge, acknowledgeAlert),
  bindUseCase(r.snooze, snoozeAlert),
  bindUseCase(r.unsnooze, unsnoozeAlert),
  bindUseCase(r.recordContact, recordContact),
  bindUseCase(r.situationReviews, situationReviews),
  bindUseCase(r.addSituationReview, addSituationReview),
  bindUseCase(r.overview, overview),
  bindUseCase(r.coverage, coverage),
  bindUseCase(r.rules, listRules),
  bindUseCase(r.updateRule, updateRule),
  bindHandler(r.recompute, async (ctx) => {
    const { territoryId } = await execute(ctx.deps, recompute, {}, ctx.actor, { requestId: ctx.requestId });
    return recomputeTerritory(ctx.deps, territoryId);
  }),
];
