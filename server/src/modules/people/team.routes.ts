import { peopleRoutes as r } from '@spie/contract/people';
import type { FastifyReply } from 'fastify';
import { bindHandler, bindUseCase, type RouteBinding } from '../../http/binding';
import { execute } from '../../kernel/useCase';
import { addSensitiveNote } from './addSensitiveNote';
import { answerFollowUp } from './answerFollowUp';
import { listConsents } from './consents';
import { consultations } from './consultations';
import { designateReferent } from './designateReferent';
import { listDocuments } from './documents';
import { type DocumentFile, downloadDocument } from './downloadDocument';
import { getTeam } from './getTeam';
import { inviteToTeam } from './inviteToTeam';
import { leaveTeam } from './leaveTeam';
import { mergePeople } from './mergePeople';
import { pendingFollowUps } from './pendingFollowUps';
import { recordConsent } from './recordConsent';
import { recordInformation } from './recordInformation';
import { requestToJoin } from './requestToJoin';
import { sensitiveNotes } from './sensitiveNotes';
import { timeline } from './timeline';
import { undoMerge } from './undoMerge';
import { uploadDocument } from './uploadDocument';
import { withdrawConsent } from './withdrawConsent';

/** RFC 5987 encoding of a filename for `content-disposition` (UTF-8, no quoting issues). */
export const encodeFilename = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A file answer: downloaded, never rendered (a stored file must not run as a page of ours). */
function sendAttachment(reply: FastifyReply, file: DocumentFile) {
  return reply
    .status(200)
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeFilename(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.content);
}

/** Team, consents, sensitive notes, documents, timeline, consultations, merges. */
export const teamBindings: RouteBinding[] = [
  bindUseCase(r.timeline, timeline),
  bindUseCase(r.team, getTeam),
  bindUseCase(r.inviteToTeam, inviteToTeam),
  bindUseCase(r.requestToJoin, requestToJoin),
  bindUseCase(r.pendingFollowUps, pendingFollowUps),
  bindUseCase(r.answerFollowUp, answerFollowUp),
  bindUseCase(r.leaveTeam, leaveTeam),
  bindUseCase(r.designateReferent, designateReferent),
  bindUseCase(r.consents, listConsents),
  bindUseCase(r.recordInformation, recordInformation),
  bindUseCase(r.recordConsent, recordConsent),
  bindUseCase(r.withdrawConsent, withdrawConsent),
  bindUseCase(r.sensitiveNotes, sensitiveNotes),
  bindUseCase(r.addSensitiveNote, addSensitiveNote),
  bindUseCase(r.documents, listDocuments),
  bindUseCase(r.uploadDocument, uploadDocument),
  bindHandler(r.downloadDocument, async (ctx) => {
    const file = await execute(ctx.deps, downloadDocument, ctx.params, ctx.actor, {
      requestId: ctx.requestId,
    });
    return sendAttachment(ctx.reply, file);
  }),
  bindUseCase(r.consultations, consultations),
  bindUseCase(r.mergePeople, mergePeople),
  bindUseCase(r.undoMerge, undoMerge),
];
