import { contractEndReasonLabels } from '@spie/contract/contracts';
import { rsaStateLabels, workSituationLabels } from '@spie/contract/people';
import {
  type AlertRuleId,
  type AlertSeverity,
  type AlertStatus,
  type AlertView,
  type alertResolutions,
  alertRuleById,
} from '@spie/contract/review';

// Built once: a formatter costs far more to create than to use (lists write hundreds of dates).
const longDateFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** « 3 août 2026 ». */
export function longDate(isoDate: string): string {
  return longDateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : null;
const plural = (n: number, word: string) => `${n} ${word}${Math.abs(n) > 1 ? 's' : ''}`;
const hours = (n: number) => `${Math.round(n * 10) / 10} h`;

function sinceContact(d: Record<string, unknown>, today: string): string {
  const last = str(d.lastContactOn);
  if (last) return `Dernier contact le ${longDate(last)} (${plural(daysBetween(last, today), 'jour')})`;
  const followed = str(d.followedSince);
  return followed
    ? `Aucun contact depuis le début du suivi, le ${longDate(followed)} (${plural(daysBetween(followed, today), 'jour')})`
    : 'Aucun contact enregistré';
}

/**
 * The plain-French facts of an episode, from the `details` the rule stored when it opened the
 * alert and today's date (durations are counted on the day they are read).
 */
export function alertDetailText(ruleId: AlertRuleId, details: unknown, today: string): string {
  const d = (details && typeof details === 'object' ? details : {}) as Record<string, unknown>;
  switch (ruleId) {
    case 'no_contact': {
      const absent = str(d.absentOn);
      const base = sinceContact(d, today);
      return absent
        ? `Absent·e au rendez-vous du ${longDate(absent)}, sans nouvelles depuis. ${base}.`
        : `${base}.`;
    }
    case 'lost_contact':
      return `${sinceContact(d, today)}.`;
    case 'orientation_overdue': {
      const received = str(d.informationReceivedOn);
      const deadline = str(d.deadline);
      return [
        received ? `Information RSA reçue le ${longDate(received)}` : 'Demande d’orientation en attente',
        deadline ? `délai d’orientation dépassé depuis le ${longDate(deadline)}` : null,
      ]
        .filter(Boolean)
        .join(' ; ')
        .concat('.');
    }
    case 'referent_missing': {
      const decided = str(d.decidedOn);
      const org = str(d.organisationName);
      return `Orientation décidée le ${decided ? longDate(decided) : '—'}${org ? ` vers ${org}` : ''}, sans référent unique désigné.`;
    }
    case 'contract_unsigned': {
      const deadline = str(d.deadline);
      const notified = str(d.notifiedOn);
      return `Orientation notifiée le ${notified ? longDate(notified) : '—'} ; le contrat devait être signé avant le ${deadline ? longDate(deadline) : '—'}.`;
    }
    case 'contract_review_due': {
      const due = str(d.reviewDueOn);
      if (!due) return 'Révision du contrat à prévoir.';
      const delta = daysBetween(today, due);
      return delta >= 0
        ? `Révision du contrat prévue le ${longDate(due)} (dans ${plural(delta, 'jour')}).`
        : `Révision du contrat prévue le ${longDate(due)}, dépassée de ${plural(-delta, 'jour')}.`;
    }
    case 'contract_ended_no_successor': {
      const ended = str(d.endedOn);
      const reason = str(d.endReason) as keyof typeof contractEndReasonLabels | null;
      return `Contrat terminé le ${ended ? longDate(ended) : '—'}${reason && contractEndReasonLabels[reason] ? ` (${contractEndReasonLabels[reason].toLocaleLowerCase('fr-FR')})` : ''}, sans nouveau contrat depuis.`;
    }
    case 'journey_gap': {
      const ended = str(d.endedOn);
      const label = str(d.actionLabel);
      return `Dernière action${label ? ` « ${label} »` : ''} terminée le ${ended ? longDate(ended) : '—'}${ended ? ` (${plural(daysBetween(ended, today), 'jour')})` : ''}, aucune étape suivante commencée.`;
    }
    case 'activity_below_plan': {
      const weeks = Array.isArray(d.weeks) ? (d.weeks as Record<string, unknown>[]) : [];
      const last = weeks[weeks.length - 1];
      const done = num(last?.done) ?? 0;
      const expected = num(last?.expected) ?? 0;
      return `${plural(weeks.length, 'semaine')} de suite sous le plan ; la dernière : ${hours(done)} faites sur ${hours(expected)} prévues.`;
    }
    case 'turning_26': {
      const birthday = str(d.birthday26);
      const org = str(d.organisationName);
      if (!birthday) return 'A bientôt 26 ans.';
      const past = birthday <= today;
      return `${past ? 'A eu' : 'Aura'} 26 ans le ${longDate(birthday)}${org ? ` ; suivi·e par ${org}` : ''} : préparer le relais.`;
    }
    case 'rsa_suspended_or_closed': {
      const value = str(d.value) as keyof typeof rsaStateLabels | null;
      const start = str(d.startOn);
      return `${value && rsaStateLabels[value] ? rsaStateLabels[value] : 'Droit RSA suspendu ou clos'}${start ? ` depuis le ${longDate(start)}` : ''}.`;
    }
    case 'siae_contract_ending': {
      const ends = str(d.endsOn);
      return ends
        ? `Le contrat en structure d’insertion se termine le ${longDate(ends)} (dans ${plural(daysBetween(today, ends), 'jour')}).`
        : 'Le contrat en structure d’insertion se termine bientôt.';
    }
    case 'employment_checkpoint': {
      const start = str(d.jobStartOn);
      const months = num(d.months);
      const situation = str(d.situation) as keyof typeof workSituationLabels | null;
      const job =
        situation && workSituationLabels[situation]
          ? workSituationLabels[situation].toLocaleLowerCase('fr-FR')
          : 'en emploi';
      return `Emploi commencé le ${start ? longDate(start) : '—'} (${job}) : point à faire après ${months ?? '?'} mois.`;
    }
    case 'periodic_review_due': {
      const last = str(d.lastReviewOn);
      const followed = str(d.followedSince);
      return last
        ? `Dernier point de situation le ${longDate(last)} (${plural(daysBetween(last, today), 'jour')}).`
        : `Aucun point de situation depuis le début du suivi${followed ? `, le ${longDate(followed)}` : ''}.`;
    }
  }
}

export interface AlertRow {
  id: string;
  person_id: string;
  rule_id: string;
  severity: string;
  status: string;
  details: unknown;
  since: string | null;
  opened_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_account_id: string | null;
  ack_first_name?: string | null;
  ack_last_name?: string | null;
  note: string | null;
  next_step_on: string | null;
  snoozed_until: string | null;
  snooze_reason: string | null;
  resolved_at: Date | null;
  resolution: string | null;
}

export function toAlertView(row: AlertRow, today: string): AlertView {
  const ruleId = row.rule_id as AlertRuleId;
  return {
    id: row.id,
    personId: row.person_id,
    ruleId,
    label: alertRuleById[ruleId].label,
    severity: row.severity as AlertSeverity,
    status: row.status as AlertStatus,
    detail: alertDetailText(ruleId, row.details, today),
    since: row.since,
    openedAt: row.opened_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy:
      row.acknowledged_by_account_id && row.ack_last_name
        ? {
            accountId: row.acknowledged_by_account_id,
            name: `${row.ack_first_name ?? ''} ${row.ack_last_name}`.trim(),
          }
        : null,
    note: row.note,
    nextStepOn: row.next_step_on,
    snoozedUntil: row.snoozed_until,
    snoozeReason: row.snooze_reason,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolution: row.resolution as (typeof alertResolutions)[number] | null,
  };
}
