import type { RouteBinding } from '../../http/binding';
import { recordBindings } from './record.routes';
import { teamBindings } from './team.routes';

export { markContactInvalid } from './contactValidity';
export { runPeopleDailyChecks } from './dailyChecks';
export { documentEntries } from './documents';
export { decodeBase64, detectDocumentType, documentTypes } from './documentType';
export { addOrganisationFollowUps, storeGeneratedDocument } from './organisationFollowUps';
export { may, type Relation } from './people.access';
export { loadPersonRelation, visibleTo } from './people.relation';
export { personEvent, recordTimelineEntry } from './people.timeline';
export { addDays, directoryName, displayName, frenchDate, parisToday } from './person.queries';
export { designateReferentUnique, type ReferentDesignation } from './referentDesignation';
export { maySection, personAccess, requireNotMerged } from './sectionGuard';
export { actorLabel, notifyAccountsBy } from './team.queries';

export const peopleBindings: RouteBinding[] = [...recordBindings, ...teamBindings];
