import { campaignsRoutes as r } from '@spie/contract/campaigns';
import type { FastifyReply } from 'fastify';
import { bindHandler, bindUseCase, type RequestContext, type RouteBinding } from '../../http/binding';
import { systemActor } from '../../kernel/actor';
import { safeEqual, sha256 } from '../../kernel/crypto';
import { DomainError } from '../../kernel/errors';
import { execute } from '../../kernel/useCase';
import { campaignLetters, renderLettersPdf } from './campaignLettersPdf';
import { campaignRecipients } from './campaignRecipients';
import { cancelCampaign } from './cancelCampaign';
import { convokeRecipients } from './convokeRecipients';
import { DELIVERY_REPORTS_ACTOR, deliveryReports } from './deliveryReports';
import { exportCampaignCsv } from './exportCampaignCsv';
import { getCampaign } from './getCampaign';
import { launchCampaign } from './launchCampaign';
import { listCampaigns } from './listCampaigns';
import { previewCampaign } from './previewCampaign';
import { publicBook } from './publicBook';
import { publicCallback } from './publicCallback';
import { INVITATION_ACTOR, invitationTerritory, publicInvitation } from './publicInvitation';

type Route = (typeof r)[keyof typeof r];

const merged = (ctx: RequestContext) => ({
  ...(ctx.body && typeof ctx.body === 'object' ? ctx.body : {}),
  ...ctx.query,
  ...ctx.params,
});

/** RFC 5987 encoding of a filename for `content-disposition`. */
const encodeFilename = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function sendFile(reply: FastifyReply, file: { filename: string; contentType: string; content: Buffer }) {
  return reply
    .status(200)
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeFilename(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.content);
}

/**
 * A page of the invitation link: no account; the code's hash gives the recipient's territory,
 * whose system actor `campaigns.invitation` runs the use case. The answer is cut to the route's
 * response (use cases also return the recipient row for their audit row).
 */
function bindPublic(
  route: Route,
  // biome-ignore lint/suspicious/noExplicitAny: any public use case; input is parsed inside.
  useCase: any,
): RouteBinding {
  return bindHandler(route, async (ctx) => {
    const territoryId = await invitationTerritory(ctx.deps.database.db, String(ctx.params.token ?? ''));
    const result = await execute(ctx.deps, useCase, merged(ctx), systemActor(INVITATION_ACTOR, territoryId), {
      requestId: ctx.requestId,
    });
    return route.response.parse(result);
  });
}

/**
 * The SMS provider's webhook: only with a provider configured (else 404), and only with its key
 * (`Authorization: Bearer <SMS_PROVIDER_KEY>`, compared in constant time whatever its length).
 */
const deliveryReportsBinding = bindHandler(r.deliveryReports, async (ctx) => {
  const key = ctx.deps.config.smsProviderKey;
  if (!key) throw new DomainError('not_found', 'route.not_found', 'Cette adresse n’existe pas.');
  const given = ctx.reply.request.headers.authorization ?? '';
  if (!safeEqual(sha256(given), sha256(`Bearer ${key}`))) {
    throw new DomainError(
      'unauthenticated',
      'messaging.bad_provider_key',
      'Clé du fournisseur absente ou invalide.',
    );
  }
  const result = await execute(ctx.deps, deliveryReports, ctx.body, systemActor(DELIVERY_REPORTS_ACTOR), {
    requestId: ctx.requestId,
  });
  return r.deliveryReports.response.parse(result);
});

export const campaignsBindingsList: RouteBinding[] = [
  bindUseCase(r.list, listCampaigns),
  bindUseCase(r.preview, previewCampaign),
  bindUseCase(r.launch, launchCampaign),
  bindUseCase(r.get, getCampaign),
  bindUseCase(r.recipients, campaignRecipients),
  bindHandler(r.exportCsv, async (ctx) =>
    sendFile(
      ctx.reply,
      await execute(ctx.deps, exportCampaignCsv, ctx.params, ctx.actor, { requestId: ctx.requestId }),
    ),
  ),
  bindHandler(r.lettersPdf, async (ctx) => {
    const letters = await execute(ctx.deps, campaignLetters, ctx.params, ctx.actor, {
      requestId: ctx.requestId,
    });
    // Rendered once the transaction is over.
    return sendFile(ctx.reply, {
      filename: letters.filename,
      contentType: 'application/pdf',
      content: await renderLettersPdf(letters),
    });
  }),
  bindUseCase(r.convoke, convokeRecipients),
  bindHandler(r.cancel, async (ctx) =>
    r.cancel.response.parse(
      await execute(ctx.deps, cancelCampaign, ctx.params, ctx.actor, { requestId: ctx.requestId }),
    ),
  ),
  bindPublic(r.publicInvitation, publicInvitation),
  bindPublic(r.publicBook, publicBook),
  bindPublic(r.publicCallback, publicCallback),
  deliveryReportsBinding,
];
