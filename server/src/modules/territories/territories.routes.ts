import { territoriesRoutes as r } from '@spie/contract/territories';
import { bindUseCase, type RouteBinding } from '../../http/binding';
import { addMembership } from './addMembership';
import { createAccount } from './createAccount';
import { createOrganisation } from './createOrganisation';
import { endMembership } from './endMembership';
import { getAccount } from './getAccount';
import { getOrganisation } from './getOrganisation';
import { getTerritory } from './getTerritory';
import { listAccounts } from './listAccounts';
import { listCommunes } from './listCommunes';
import { listOrganisations } from './listOrganisations';
import { listProfessionals } from './listProfessionals';
import { setAccountActive } from './setAccountActive';
import { setOrganisationActive } from './setOrganisationActive';
import { updateAccount } from './updateAccount';
import { updateOrganisation } from './updateOrganisation';
import { updateSettings } from './updateSettings';

export const territoriesBindings: RouteBinding[] = [
  bindUseCase(r.getTerritory, getTerritory),
  bindUseCase(r.updateSettings, updateSettings),
  bindUseCase(r.listOrganisations, listOrganisations),
  bindUseCase(r.getOrganisation, getOrganisation),
  bindUseCase(r.createOrganisation, createOrganisation),
  bindUseCase(r.updateOrganisation, updateOrganisation),
  bindUseCase(r.setOrganisationActive, setOrganisationActive),
  bindUseCase(r.listProfessionals, listProfessionals),
  bindUseCase(r.listAccounts, listAccounts),
  bindUseCase(r.getAccount, getAccount),
  bindUseCase(r.createAccount, createAccount),
  bindUseCase(r.updateAccount, updateAccount),
  bindUseCase(r.setAccountActive, setAccountActive),
  bindUseCase(r.addMembership, addMembership),
  bindUseCase(r.endMembership, endMembership),
  bindUseCase(r.listCommunes, listCommunes),
];
