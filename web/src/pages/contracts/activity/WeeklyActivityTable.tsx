import type { WeekActivity } from '@spie/contract/contracts';
import { DataTable } from '../../../components/DataTable';
import { expectedLabel, formatHours, shortDay } from './activityFormat';

export const activityTableHeaders = [
  'Semaine du',
  'Attendu',
  'Prévu',
  'Réalisé',
  'dont déclaré par la personne',
];

/** The weeks as a real table: the accessible source of the chart (and the only view over 2 years). */
export function WeeklyActivityTable({
  weeks,
  caption,
  newestFirst = false,
}: {
  weeks: WeekActivity[];
  caption: string;
  newestFirst?: boolean;
}) {
  const ordered = newestFirst ? [...weeks].reverse() : weeks;
  return (
    <DataTable
      caption={caption}
      headers={activityTableHeaders}
      rows={ordered.map((week) => ({
        key: week.weekStart,
        cells: [
          shortDay(week.weekStart),
          expectedLabel(week),
          formatHours(week.plannedHours),
          formatHours(week.doneHours),
          formatHours(week.declaredHours),
        ],
      }))}
    />
  );
}
