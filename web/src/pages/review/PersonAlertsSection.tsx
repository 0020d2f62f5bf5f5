import { Button } from '@codegouvfr/react-dsfr/Button';
import { alertResolutionLabels } from '@spie/contract/review';
import { useEffect, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { SuccessAlert } from '../../components/SuccessAlert';
import { formatDay, todayIso } from '../people/peopleFormat';
import { AlertBadge } from './AlertBadge';
import { AlertItem } from './AlertItem';
import { ContactForm, SituationReviewForm } from './FollowUpForms';
import { usePersonAlerts } from './review.queries';
import { lastContactLabel, parisDay, reviewDueLabel, sortAlerts } from './reviewFormat';

type OpenForm = 'contact' | 'review' | null;

/**
 * « Alertes et suivi » on the person's summary (readers of the journey section): open alerts and
 * what to do about them, the last contact and the last « point de situation ».
 */
export function PersonAlertsSection({ personId, mayWrite }: { personId: string; mayWrite: boolean }) {
  const alerts = usePersonAlerts(personId);
  const [success, setSuccess] = useState<{ message: string; at: number } | null>(null);
  const [form, setForm] = useState<OpenForm>(null);
  const contactButton = useRef<HTMLButtonElement>(null);
  const reviewButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef<OpenForm>(null);
  const today = todayIso();
  const data = alerts.data;

  useEffect(() => {
    if (form === null && cancelled.current) {
      (cancelled.current === 'contact' ? contactButton : reviewButton).current?.focus();
      cancelled.current = null;
    }
  }, [form]);
  const done = (message: string) => {
    setForm(null);
    setSuccess({ message, at: Date.now() });
  };
  const cancel = () => {
    cancelled.current = form;
    setForm(null);
  };
  const due = data ? reviewDueLabel(data.reviewDueOn, today) : null;

  return (
    <section aria-labelledby="summary-alerts-title" className="spie-panel fr-mt-4w">
      <h3 id="summary-alerts-title" className="fr-h5">
        Alertes et suivi
      </h3>
      {success && <SuccessAlert key={success.at} title={success.message} />}
      {alerts.isPending && <p className="fr-text--sm">Chargement…</p>}
      <ApiErrorAlert error={alerts.error} title="Les alertes n’ont pas pu être chargées" />

      {data && (
        <>
          <h4 className="fr-h6">Alertes en cours</h4>
          {data.open.length === 0 ? (
            <p>Aucune alerte en cours pour cette personne.</p>
          ) : (
            <ul className="spie-plain-list">
              {sortAlerts(data.open).map((alert) => (
                <AlertItem
                  key={alert.id}
                  personId={personId}
                  alert={alert}
                  today={today}
                  mayWrite={mayWrite}
                  onDone={done}
                />
              ))}
            </ul>
          )}

          <h4 className="fr-h6 fr-mt-3w">Dernier contact</h4>
          <p>
            {data.lastContactAt
              ? `Dernier contact avec la personne : ${lastContactLabel(data.lastContactAt, today)}.`
              : 'Aucun contact enregistré avec la personne.'}
          </p>
          {mayWrite &&
            (form === 'contact' ? (
              <ContactForm personId={personId} onDone={done} onCancel={cancel} />
            ) : (
              <Button
                ref={contactButton}
                size="small"
                priority="secondary"
                iconId="fr-icon-chat-3-line"
                onClick={() => setForm('contact')}
              >
                Noter un contact
              </Button>
            ))}

          <h4 className="fr-h6 fr-mt-3w">Point de situation</h4>
          {data.lastReview ? (
            <p className="fr-mb-1w">
              Dernier point de situation le {formatDay(data.lastReview.reviewedOn)} par{' '}
              {data.lastReview.by.name}.
              {data.lastReview.nextStep && (
                <>
                  {' '}
                  Prochaine étape : {data.lastReview.nextStep}
                  {data.lastReview.nextStepOn && <> (le {formatDay(data.lastReview.nextStepOn)})</>}.
                </>
              )}
            </p>
          ) : (
            <p className="fr-mb-1w">Aucun point de situation n’a encore été fait.</p>
          )}
          {due && data.reviewDueOn && (
            <p>
              Prochain point de situation :{' '}
              {due.late ? <strong>{due.text.toLowerCase()}</strong> : due.text.toLowerCase()}.
            </p>
          )}
          {mayWrite &&
            (form === 'review' ? (
              <SituationReviewForm personId={personId} onDone={done} onCancel={cancel} />
            ) : (
              <Button
                ref={reviewButton}
                size="small"
                priority="secondary"
                iconId="fr-icon-survey-line"
                onClick={() => setForm('review')}
              >
                Faire le point de situation
              </Button>
            ))}

          {data.resolved.length > 0 && (
            <details className="fr-mt-3w">
              <summary>Alertes résolues récemment ({data.resolved.length})</summary>
              <ul className="fr-mt-1w">
                {data.resolved.map((alert) => (
                  <li key={alert.id} className="fr-mb-1w">
                    <AlertBadge alert={alert} />{' '}
                    <span className="fr-text--sm">
                      {alert.resolution ? alertResolutionLabels[alert.resolution] : 'Résolue'}
                      {alert.resolvedAt && <> (le {formatDay(parisDay(alert.resolvedAt))})</>}.
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
