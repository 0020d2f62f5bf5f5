import { peopleRoutes as r } from '@spie/contract/people';
import { bindUseCase, type RouteBinding } from '../../http/binding';
import { addStatus } from './addStatus';
import { caseload } from './caseload';
import { createPerson } from './createPerson';
import { searchDirectory } from './directory';
import { endStatus } from './endStatus';
import { findDuplicates } from './findDuplicates';
import { getPerson } from './getPerson';
import { revealNir } from './revealNir';
import { searchPeople } from './searchPeople';
import { updateHousehold } from './updateHousehold';
import { updateIdentity } from './updateIdentity';

/** Record, identity, statuses, search, caseload, directory, duplicates. */
export const recordBindings: RouteBinding[] = [
  bindUseCase(r.searchPeople, searchPeople),
  bindUseCase(r.caseload, caseload),
  bindUseCase(r.directory, searchDirectory),
  bindUseCase(r.findDuplicates, findDuplicates),
  bindUseCase(r.createPerson, createPerson),
  bindUseCase(r.getPerson, getPerson),
  bindUseCase(r.updateIdentity, updateIdentity),
  bindUseCase(r.updateHousehold, updateHousehold),
  bindUseCase(r.revealNir, revealNir),
  bindUseCase(r.addStatus, addStatus),
  bindUseCase(r.endStatus, endStatus),
];
