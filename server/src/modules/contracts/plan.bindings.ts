import { contractsRoutes as r } from '@spie/contract/contracts';
import { bindUseCase, type RouteBinding } from '../../http/binding';
import { addAction } from './addAction';
import { addAdjustment } from './addAdjustment';
import { addObjective } from './addObjective';
import { createContract } from './createContract';
import { getContract } from './getContract';
import { contractNeeds } from './needs';
import { contractsOfPerson } from './ofPerson';
import { recordLegacyContract } from './recordLegacy';
import { removeAction } from './removeAction';
import { removeAdjustment } from './removeAdjustment';
import { removeObjective } from './removeObjective';
import { transitionContract } from './transitionContract';
import { updateAction } from './updateAction';
import { updateContract } from './updateContract';
import { updateObjective } from './updateObjective';
import { contractWorklist } from './worklist';

/** The contract, its plan and the worklist (activity and signature routes are bound in their own files). */
export const planBindings: RouteBinding[] = [
  bindUseCase(r.ofPerson, contractsOfPerson),
  bindUseCase(r.needs, contractNeeds),
  bindUseCase(r.create, createContract),
  bindUseCase(r.recordLegacy, recordLegacyContract),
  bindUseCase(r.worklist, contractWorklist),
  bindUseCase(r.get, getContract),
  bindUseCase(r.update, updateContract),
  bindUseCase(r.transition, transitionContract),
  bindUseCase(r.addObjective, addObjective),
  bindUseCase(r.updateObjective, updateObjective),
  bindUseCase(r.removeObjective, removeObjective),
  bindUseCase(r.addAction, addAction),
  bindUseCase(r.updateAction, updateAction),
  bindUseCase(r.removeAction, removeAction),
  bindUseCase(r.addAdjustment, addAdjustment),
  bindUseCase(r.removeAdjustment, removeAdjustment),
];
