import type { RouteSampleSet } from './types';

export const foundationSamples: RouteSampleSet = {
  openToTerritoryMembers: {
    'auth.chooseMembership': "acts on one's own session only (others' memberships are 404)",
    'auth.logout': 'own session',
    'auth.logoutEverywhere': 'own sessions',
    'territories.getTerritory': "territory name and settings frame everyone's work",
    'territories.listOrganisations': 'the organisation directory of the territory',
    'territories.getOrganisation': 'an organisation card of the directory',
    'territories.listProfessionals': 'work contacts of professionals, to invite one into a team',
    'territories.listCommunes': 'public reference data',
    'notifications.demoInbox': "demo mode, scoped to one's own messages",
  },
  inputs: (ids) => {
    const org = {
      kind: 'association',
      name: 'Association témoin',
      siret: '',
      safirCode: '',
      address: { line: '1 rue Témoin', postalCode: '93000', communeCode: '93008' },
      email: '',
      phone: '',
      sensitive: false,
      parentId: null,
    };
    return {
      'auth.chooseMembership': { body: { membershipId: ids.membershipId } },
      'auth.logout': {},
      'auth.logoutEverywhere': {},
      'territories.getTerritory': {},
      'territories.updateSettings': { body: { settings: {}, version: 1 } },
      'territories.listOrganisations': {},
      'territories.getOrganisation': { params: { id: ids.organisationId } },
      'territories.createOrganisation': { body: org },
      'territories.updateOrganisation': {
        params: { id: ids.organisationId },
        body: { organisation: org, version: 1 },
      },
      'territories.setOrganisationActive': { params: { id: ids.organisationId }, body: { active: false } },
      'territories.listProfessionals': { params: { id: ids.organisationId } },
      'territories.listAccounts': {},
      'territories.getAccount': { params: { id: ids.accountId } },
      'territories.createAccount': {
        body: {
          email: 'temoin@example.org',
          firstName: 'T',
          lastName: 'Témoin',
          memberships: [{ organisationId: ids.organisationId, role: 'professional' }],
        },
      },
      'territories.updateAccount': {
        params: { id: ids.accountId },
        body: { account: { email: 'x@example.org', firstName: 'X', lastName: 'Y' }, version: 1 },
      },
      'territories.setAccountActive': { params: { id: ids.accountId }, body: { active: false } },
      'territories.addMembership': {
        params: { id: ids.accountId },
        body: { organisationId: ids.organisationId, role: 'professional' },
      },
      'territories.endMembership': { params: { id: ids.accountId, membershipId: ids.membershipId } },
      'territories.listCommunes': { query: { q: 'bobigny' } },
      'notifications.demoInbox': {},
      'audit.list': {},
    };
  },
};
