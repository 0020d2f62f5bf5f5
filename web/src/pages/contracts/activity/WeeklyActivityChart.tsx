import type { WeekActivity } from '@spie/contract/contracts';
import { useId } from 'react';
import { activitySummary, axisLabel, chartMax, chartTicks, scaleY } from './activityFormat';

const plotHeight = 160;
const top = 10;
const left = 34;
const column = 44;
const bar = 15;
const bottom = 26;

const colours = {
  planned: 'var(--border-action-high-blue-france)',
  done: 'var(--background-action-high-blue-france)',
  target: 'var(--text-default-grey)',
  grid: 'var(--border-default-grey)',
  text: 'var(--text-mention-grey)',
};

/**
 * Planned (hatched bar) vs done (solid bar) hours per week, with the expected hours as a dashed
 * line. Shapes, not colours, tell them apart; the summary under the chart and the table below say
 * the same in words.
 */
export function WeeklyActivityChart({ weeks }: { weeks: WeekActivity[] }) {
  const id = useId();
  const patternId = `${id}-hatch`;
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const max = chartMax(weeks);
  const ticks = chartTicks(max);
  const width = left + weeks.length * column + 8;
  const height = top + plotHeight + bottom;
  const y = (value: number) => top + plotHeight - scaleY(value, max, plotHeight);
  const summary = activitySummary(weeks);

  return (
    <figure className="fr-my-3w spie-activity-chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={summaryId}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width * 1.5}px`, height: 'auto', display: 'block' }}
        focusable="false"
      >
        <title id={titleId}>{`Heures prévues et réalisées par semaine, sur ${weeks.length} semaines`}</title>
        <defs>
          <pattern
            id={patternId}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" style={{ fill: 'var(--background-default-grey)' }} />
            <line x1="0" y1="0" x2="0" y2="6" strokeWidth="3" style={{ stroke: colours.planned }} />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={left}
              x2={width - 4}
              y1={y(tick)}
              y2={y(tick)}
              strokeWidth="0.5"
              style={{ stroke: colours.grid }}
            />
            <text x={left - 4} y={y(tick) + 3} textAnchor="end" fontSize="9" style={{ fill: colours.text }}>
              {tick} h
            </text>
          </g>
        ))}
        {weeks.map((week, index) => {
          const x = left + index * column;
          return (
            <g key={week.weekStart}>
              <rect
                x={x + 5}
                y={y(week.plannedHours)}
                width={bar}
                height={top + plotHeight - y(week.plannedHours)}
                fill={`url(#${patternId})`}
                strokeWidth="1"
                style={{ stroke: colours.planned }}
              />
              <rect
                x={x + 6 + bar}
                y={y(week.doneHours)}
                width={bar}
                height={top + plotHeight - y(week.doneHours)}
                style={{ fill: colours.done }}
              />
              <line
                x1={x + 1}
                x2={x + column - 3}
                y1={y(week.targetHours)}
                y2={y(week.targetHours)}
                strokeWidth="2"
                strokeDasharray="4 2"
                style={{ stroke: colours.target }}
              />
              <text
                x={x + column / 2}
                y={top + plotHeight + 16}
                textAnchor="middle"
                fontSize="9"
                style={{ fill: colours.text }}
              >
                {axisLabel(week.weekStart)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="spie-activity-legend" aria-label="Légende du graphique">
          <li>
            <LegendSwatch kind="planned" patternId={patternId} /> Prévu : barre hachurée
          </li>
          <li>
            <LegendSwatch kind="done" patternId={patternId} /> Réalisé : barre pleine
          </li>
          <li>
            <LegendSwatch kind="target" patternId={patternId} /> Attendu : trait en pointillés
          </li>
        </ul>
        <p id={summaryId} className="fr-text--sm fr-mb-0">
          {summary}
        </p>
      </figcaption>
    </figure>
  );
}

function LegendSwatch({ kind, patternId }: { kind: 'planned' | 'done' | 'target'; patternId: string }) {
  return (
    <svg width="18" height="12" viewBox="0 0 18 12" aria-hidden="true" focusable="false">
      {kind === 'planned' && (
        <rect
          x="1"
          y="1"
          width="16"
          height="10"
          fill={`url(#${patternId})`}
          style={{ stroke: colours.planned }}
        />
      )}
      {kind === 'done' && <rect x="1" y="1" width="16" height="10" style={{ fill: colours.done }} />}
      {kind === 'target' && (
        <line
          x1="0"
          x2="18"
          y1="6"
          y2="6"
          strokeWidth="2"
          strokeDasharray="4 2"
          style={{ stroke: colours.target }}
        />
      )}
    </svg>
  );
}
