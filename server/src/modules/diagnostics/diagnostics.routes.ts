import { diagnosticsRoutes as r } from '@spie/contract/diagnostics';
import { bindUseCase, type RouteBinding } from '../../http/binding';
import { completeDraft } from './completeDraft';
import { confirmVersion } from './confirmVersion';
import { discardDraft } from './discardDraft';
import { getReferential } from './getReferential';
import { getVersion } from './getVersion';
import { overview } from './overview';
import { saveDraft } from './saveDraft';
import { searchRome } from './searchRome';
import { startDraft } from './startDraft';
import { updateReferential } from './updateReferential';

export const diagnosticsRouteBindings: RouteBinding[] = [
  bindUseCase(r.overview, overview),
  bindUseCase(r.version, getVersion),
  bindUseCase(r.startDraft, startDraft),
  bindUseCase(r.saveDraft, saveDraft),
  bindUseCase(r.discardDraft, discardDraft),
  bindUseCase(r.completeDraft, completeDraft),
  bindUseCase(r.confirmVersion, confirmVersion),
  bindUseCase(r.romeSearch, searchRome),
  bindUseCase(r.referential, getReferential),
  bindUseCase(r.updateReferential, updateReferential),
];
