import { z } from 'zod';
import { defineRoute, page, uuid } from '../http';
import {
  bulkDecisionBody,
  decisionFields,
  indicatorsQuery,
  orientation,
  orientationIndicators,
  personOrientations,
  queuePage,
  queueQuery,
  reorientationRequest,
  reorientationRequestBody,
  startOrientationBody,
  toAssignItem,
  transitionBody,
} from './orientations.schema';

const tags = ['Orientation'];
const idParams = z.object({ id: uuid });
const pageQuery = {
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const orientationsRoutes = {
  queue: defineRoute({
    id: 'orientations.queue',
    method: 'GET',
    path: '/api/orientations/queue',
    summary:
      'File « À orienter » : personnes soumises aux droits et devoirs sans orientation, échéance la plus proche d’abord',
    tags,
    query: queueQuery,
    response: queuePage,
  }),
  personOrientations: defineRoute({
    id: 'orientations.ofPerson',
    method: 'GET',
    path: '/api/people/:id/orientations',
    summary: 'Historique des orientations de la personne',
    tags,
    params: idParams,
    response: personOrientations,
  }),
  start: defineRoute({
    id: 'orientations.start',
    method: 'POST',
    path: '/api/people/:id/orientations',
    summary: 'Mettre la personne « à orienter » (hors information RSA automatique)',
    tags,
    params: idParams,
    body: startOrientationBody,
    response: orientation,
  }),
  transition: defineRoute({
    id: 'orientations.transition',
    method: 'POST',
    path: '/api/orientations/:id/transitions',
    summary:
      'Faire avancer une orientation (proposer, décider, refuser la proposition, classer, désigner le référent)',
    tags,
    params: idParams,
    body: transitionBody,
    response: orientation,
    status: 200,
  }),
  bulkDecide: defineRoute({
    id: 'orientations.bulkDecide',
    method: 'POST',
    path: '/api/orientations/decisions',
    summary: 'Décision groupée : la même orientation pour 500 personnes au plus, tout ou rien',
    tags,
    body: bulkDecisionBody,
    response: z.object({ decided: z.number().int() }),
    status: 200,
  }),
  toAssign: defineRoute({
    id: 'orientations.toAssign',
    method: 'GET',
    path: '/api/orientations/to-assign',
    summary:
      'Liste « À affecter » de ma structure : personnes orientées vers elle, sans référent·e désigné·e',
    tags,
    query: z.object(pageQuery),
    response: page(toAssignItem),
  }),
  requestReorientation: defineRoute({
    id: 'orientations.requestReorientation',
    method: 'POST',
    path: '/api/orientations/:id/reorientation-requests',
    summary: 'Demander une réorientation (référent·e de la personne)',
    tags,
    params: idParams,
    body: reorientationRequestBody,
    response: reorientationRequest,
  }),
  reorientationRequests: defineRoute({
    id: 'orientations.reorientationRequests',
    method: 'GET',
    path: '/api/reorientation-requests',
    summary:
      'Demandes de réorientation (à traiter pour la cellule d’orientation, les miennes pour un·e référent·e)',
    tags,
    query: z.object({ scope: z.enum(['pending', 'mine']).default('pending'), ...pageQuery }),
    response: page(reorientationRequest.extend({ personDisplayName: z.string() })),
  }),
  acceptReorientation: defineRoute({
    id: 'orientations.acceptReorientation',
    method: 'POST',
    path: '/api/reorientation-requests/:id/accept',
    summary: 'Accepter une réorientation : nouvelle orientation, la précédente est conservée',
    tags,
    params: idParams,
    body: decisionFields,
    response: reorientationRequest,
    status: 200,
  }),
  refuseReorientation: defineRoute({
    id: 'orientations.refuseReorientation',
    method: 'POST',
    path: '/api/reorientation-requests/:id/refuse',
    summary: 'Refuser une réorientation, avec le motif',
    tags,
    params: idParams,
    body: z.object({ reason: decisionFields.shape.reason }),
    response: reorientationRequest,
    status: 200,
  }),
  indicators: defineRoute({
    id: 'orientations.indicators',
    method: 'GET',
    path: '/api/orientations/indicators',
    summary: 'Indicateurs d’orientation sur une période (territoire ou structure)',
    tags,
    query: indicatorsQuery,
    response: orientationIndicators,
  }),
};
