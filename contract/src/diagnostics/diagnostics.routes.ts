import { z } from 'zod';
import { defineRoute, ok, uuid } from '../http';
import { referentialKind } from './diagnostics.enums';
import {
  completeDraftBody,
  confirmVersionBody,
  diagnostic,
  diagnosticsOverview,
  referential,
  romeAppellation,
  saveDraftBody,
  startDraftBody,
} from './diagnostics.schema';

const tags = ['Diagnostic'];
const personParams = z.object({ id: uuid });

export const diagnosticsRoutes = {
  overview: defineRoute({
    id: 'diagnostics.overview',
    method: 'GET',
    path: '/api/people/:id/diagnostics',
    summary: 'Diagnostic de la personne : brouillon en cours, versions validées, données CAF de départ',
    tags,
    params: personParams,
    response: diagnosticsOverview,
  }),
  version: defineRoute({
    id: 'diagnostics.version',
    method: 'GET',
    path: '/api/people/:id/diagnostics/versions/:version',
    summary: 'Une version validée du diagnostic (lecture seule)',
    tags,
    params: z.object({ id: uuid, version: z.coerce.number().int().min(1) }),
    response: diagnostic,
  }),
  startDraft: defineRoute({
    id: 'diagnostics.startDraft',
    method: 'POST',
    path: '/api/people/:id/diagnostics/draft',
    summary: 'Commencer un diagnostic (à partir de la dernière version, des données CAF ou vide)',
    tags,
    params: personParams,
    body: startDraftBody,
    response: diagnostic,
  }),
  saveDraft: defineRoute({
    id: 'diagnostics.saveDraft',
    method: 'PUT',
    path: '/api/people/:id/diagnostics/draft',
    summary: 'Enregistrer le diagnostic en cours (chaque partie modifiée est attribuée à son auteur·e)',
    tags,
    params: personParams,
    body: saveDraftBody,
    response: diagnostic,
  }),
  discardDraft: defineRoute({
    id: 'diagnostics.discardDraft',
    method: 'DELETE',
    path: '/api/people/:id/diagnostics/draft',
    summary: 'Abandonner le diagnostic en cours (les versions validées restent)',
    tags,
    params: personParams,
    response: ok,
  }),
  completeDraft: defineRoute({
    id: 'diagnostics.completeDraft',
    method: 'POST',
    path: '/api/people/:id/diagnostics/draft/complete',
    summary: 'Valider le diagnostic : crée une nouvelle version, avec le parcours recommandé et celui choisi',
    tags,
    params: personParams,
    body: completeDraftBody,
    response: diagnostic,
    status: 200,
  }),
  confirmVersion: defineRoute({
    id: 'diagnostics.confirmVersion',
    method: 'POST',
    path: '/api/people/:id/diagnostics/versions/:version/confirm',
    summary:
      'Co-signer une version (diagnostic conjoint : un·e professionnel·le du social et un·e de l’emploi)',
    tags,
    params: z.object({ id: uuid, version: z.coerce.number().int().min(1) }),
    body: confirmVersionBody,
    response: diagnostic,
    status: 200,
  }),
  romeSearch: defineRoute({
    id: 'diagnostics.romeSearch',
    method: 'GET',
    path: '/api/rome/appellations',
    summary: 'Chercher un métier (ROME) : sans accents, fautes de frappe tolérées',
    tags,
    query: z.object({
      q: z.string().trim().min(2, 'Tapez au moins 2 lettres.').max(80),
      limit: z.coerce.number().int().min(1).max(30).default(15),
    }),
    response: z.object({ items: z.array(romeAppellation) }),
  }),
  referential: defineRoute({
    id: 'diagnostics.referential',
    method: 'GET',
    path: '/api/referentials/:kind',
    summary:
      'Liste de référence du territoire (situations par frein, thématiques, codes CAF), version en vigueur',
    tags,
    params: z.object({ kind: referentialKind }),
    response: referential,
  }),
  updateReferential: defineRoute({
    id: 'diagnostics.updateReferential',
    method: 'PUT',
    path: '/api/referentials/:kind',
    summary: 'Publier une nouvelle version d’une liste de référence (administration du territoire)',
    tags,
    params: z.object({ kind: referentialKind }),
    body: z.object({ content: z.record(z.string(), z.unknown()), expectedVersion: z.number().int().min(0) }),
    response: referential,
  }),
};
