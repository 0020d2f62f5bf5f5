import { Button } from '@codegouvfr/react-dsfr/Button';
import { type AlertView, alertHistoryActionLabels, alertStatusLabels } from '@spie/contract/review';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../components/formatDate';
import { formatDay } from '../people/peopleFormat';
import { AlertBadge } from './AlertBadge';
import { AcknowledgeForm, SnoozeForm } from './FollowUpForms';
import { useAlertHistory, useUnsnoozeAlert } from './review.queries';
import { parisDay } from './reviewFormat';

type Mode = 'acknowledge' | 'snooze' | null;

/** One open alert of the person: what happened, its state, and what the professional can do. */
export function AlertItem({
  personId,
  alert,
  today,
  mayWrite,
  onDone,
}: {
  personId: string;
  alert: AlertView;
  today: string;
  mayWrite: boolean;
  onDone: (message: string) => void;
}) {
  const [mode, setMode] = useState<Mode>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const unsnooze = useUnsnoozeAlert(personId);
  const actionsRef = useRef<HTMLDivElement>(null);
  const closedByCancel = useRef(false);
  const historyId = useId();
  const snoozedUntil = parisDay(alert.snoozedUntil);
  const snoozed = snoozedUntil !== null && snoozedUntil > today;
  // Each button names its alert for screen readers (« Reporter l’alerte « Sans contact » »).
  const named = <span className="fr-sr-only"> l’alerte « {alert.label} »</span>;
  const ofAlert = <span className="fr-sr-only"> de l’alerte « {alert.label} »</span>;

  // Back to the alert's buttons when a form is cancelled (the focus would be lost otherwise).
  useEffect(() => {
    if (mode === null && closedByCancel.current) {
      closedByCancel.current = false;
      actionsRef.current?.querySelector('button')?.focus();
    }
  }, [mode]);
  const cancel = () => {
    closedByCancel.current = true;
    setMode(null);
  };
  const done = (message: string) => {
    setMode(null);
    onDone(message);
  };

  return (
    <li className="spie-panel">
      <h5 className="fr-h6 fr-mb-1w">{alert.label}</h5>
      <p className="fr-mb-1w">
        <AlertBadge alert={alert} />{' '}
        <span className="fr-text--sm">
          {snoozed ? `Reportée jusqu’au ${formatDay(snoozedUntil)}` : alertStatusLabels[alert.status]}
        </span>
      </p>
      <p className="fr-mb-1w">{alert.detail}</p>
      <p className="fr-text--sm fr-mb-1w">
        {alert.since && <>Depuis le {formatDay(parisDay(alert.since))}. </>}
        Alerte ouverte le {formatDay(parisDay(alert.openedAt))}.
      </p>
      {alert.status === 'prise_en_compte' && (
        <p className="fr-text--sm fr-mb-1w">
          Prise en compte
          {alert.acknowledgedAt && <> le {formatDay(parisDay(alert.acknowledgedAt))}</>}
          {alert.acknowledgedBy && <> par {alert.acknowledgedBy.name}</>}
          {alert.note && <> : « {alert.note} »</>}.
          {alert.nextStepOn && <> Prochaine étape le {formatDay(alert.nextStepOn)}.</>}
        </p>
      )}
      {snoozed && alert.snoozeReason && (
        <p className="fr-text--sm fr-mb-1w">Motif du report : « {alert.snoozeReason} ».</p>
      )}

      {mode === 'acknowledge' && (
        <AcknowledgeForm personId={personId} alert={alert} onDone={done} onCancel={cancel} />
      )}
      {mode === 'snooze' && <SnoozeForm personId={personId} alert={alert} onDone={done} onCancel={cancel} />}
      <ApiErrorAlert error={unsnooze.error} title="Le report n’a pas été annulé" />

      <div ref={actionsRef} className="spie-actions fr-mt-1w">
        {mayWrite && mode === null && (
          <>
            {alert.status === 'ouverte' && (
              <Button size="small" onClick={() => setMode('acknowledge')}>
                Prendre en compte{named}
              </Button>
            )}
            {snoozed ? (
              <Button
                size="small"
                priority="secondary"
                disabled={unsnooze.isPending}
                onClick={() =>
                  unsnooze.mutate(alert.id, {
                    onSuccess: () => onDone(`Le report de l’alerte « ${alert.label} » est annulé.`),
                  })
                }
              >
                Annuler le report{ofAlert}
              </Button>
            ) : (
              <Button size="small" priority="secondary" onClick={() => setMode('snooze')}>
                Reporter{named}
              </Button>
            )}
          </>
        )}
        <Button
          size="small"
          priority="tertiary"
          aria-expanded={historyOpen}
          aria-controls={historyId}
          onClick={() => setHistoryOpen((open) => !open)}
        >
          {historyOpen ? 'Masquer l’historique' : 'Voir l’historique'}
          {ofAlert}
        </Button>
      </div>
      <div id={historyId}>{historyOpen && <AlertHistory alertId={alert.id} />}</div>
    </li>
  );
}

/** The alert's history, asked when it is opened. */
function AlertHistory({ alertId }: { alertId: string }) {
  const detail = useAlertHistory(alertId, true);
  if (detail.isPending) return <p className="fr-text--sm">Chargement de l’historique…</p>;
  if (detail.isError)
    return <ApiErrorAlert error={detail.error} title="L’historique n’a pas pu être chargé" />;
  if (detail.data.history.length === 0) return <p className="fr-text--sm">Aucun historique.</p>;
  return (
    <ol className="fr-text--sm fr-mt-1w">
      {detail.data.history.map((entry) => (
        <li key={`${entry.at}-${entry.action}`}>
          {formatDateTime(entry.at)} — {alertHistoryActionLabels[entry.action]}
          {entry.by && <> par {entry.by.name}</>}
          {entry.note && <> : « {entry.note} »</>}
          {entry.nextStepOn && <>. Prochaine étape le {formatDay(entry.nextStepOn)}</>}
          {entry.snoozedUntil && <>. Reportée jusqu’au {formatDay(entry.snoozedUntil)}</>}.
        </li>
      ))}
    </ol>
  );
}
