import type { RouteBinding } from '../../http/binding';
import { recordBindings } from './record.routes';
import { teamBindings } from './team.routes';

export { runPeopleDailyChecks } from './dailyChecks';
export { personEvent, recordTimelineEntry } from './people.timeline';

export const peopleBindings: RouteBinding[] = [...recordBindings, ...teamBindings];
