import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { type SignatureSummary, signBody } from '@spie/contract/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import { PublicErrorAlert } from './PublicErrorAlert';
import { StepHeading } from './StepHeading';
import { appointmentInWords, dayInWords, hoursPerWeekLine, weeklyActivityWords } from './signatureFormat';

/** Step 3: the contract in plain words, one part after the other, then the checkbox and the button. */
export function SummaryStep({
  summary,
  focus,
  signing,
  signError,
  onSign,
  onRestart,
}: {
  summary: SignatureSummary;
  focus: boolean;
  signing: boolean;
  signError: unknown;
  onSign: () => void;
  onRestart: () => void;
}) {
  const id = useId();
  const [accepted, setAccepted] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const boxRef = useRef<HTMLInputElement>(null);
  const title = summary.amendment ? 'Votre contrat a changé' : 'Votre contrat d’engagement';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = signBody.shape.accepted.safeParse(accepted);
    if (!parsed.success) {
      setMissing(parsed.error.issues[0]?.message ?? 'Cochez la case pour confirmer votre engagement.');
      boxRef.current?.focus();
      return;
    }
    setMissing(null);
    onSign();
  };

  return (
    <>
      <StepHeading title={title} focus={focus} />
      <p className="fr-text--sm spie-muted">Étape 3 sur 3</p>
      <p>
        {summary.amendment
          ? `Voici votre contrat avec ${summary.organisationName}, avec les changements. Lisez-le avant de signer.`
          : `Voici votre contrat avec ${summary.organisationName}. Lisez-le avant de signer.`}
      </p>
      <p>
        Il commence le {dayInWords(summary.startOn)} et finit le {dayInWords(summary.endOn)}.
        {summary.referentName ? ` Votre référent·e : ${summary.referentName}.` : ''}
      </p>

      <section aria-labelledby={`${id}-mine`} className="spie-signature__section">
        <h2 id={`${id}-mine`}>Ce à quoi je m’engage</h2>
        {summary.myCommitments.length === 0 ? (
          <p>Aucune action n’est encore prévue.</p>
        ) : (
          summary.myCommitments.map((commitment) => (
            <div key={commitment.objective} className="fr-mb-3w">
              <h3 className="fr-h5 fr-mb-1w">{commitment.objective}</h3>
              {commitment.actions.length === 0 ? (
                <p>Pas encore d’action pour cet objectif.</p>
              ) : (
                <ul>
                  {commitment.actions.map((action) => {
                    const hours = hoursPerWeekLine(action.hoursPerWeek);
                    return (
                      <li key={`${action.label}-${action.when}`}>
                        <strong>{action.label}</strong>
                        <span className="spie-block">Quand : {action.when}</span>
                        {hours && <span className="spie-block">{hours}</span>}
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          ))
        )}
      </section>

      <section aria-labelledby={`${id}-theirs`} className="spie-signature__section">
        <h2 id={`${id}-theirs`}>{`Ce que ${summary.organisationName} s’engage à faire`}</h2>
        {summary.organisationCommitments.length === 0 ? (
          <p>Vous accompagner pendant tout le contrat, avec votre référent·e.</p>
        ) : (
          <ul>
            {summary.organisationCommitments.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${id}-week`} className="spie-signature__section">
        <h2 id={`${id}-week`}>Mon activité chaque semaine</h2>
        {weeklyActivityWords(summary.weeklyActivity.targetHours, summary.weeklyActivity.adjustment).map(
          (line) => (
            <p key={line}>{line}</p>
          ),
        )}
      </section>

      <section aria-labelledby={`${id}-next`} className="spie-signature__section">
        <h2 id={`${id}-next`}>Mon prochain rendez-vous</h2>
        {summary.nextAppointment ? (
          <>
            <p className="fr-mb-1w">{appointmentInWords(summary.nextAppointment.at)}</p>
            <p>Lieu : {summary.nextAppointment.place}</p>
          </>
        ) : (
          <p>Il n’est pas encore fixé. Votre référent·e vous dira la date.</p>
        )}
      </section>

      <section aria-labelledby={`${id}-rights`} className="spie-signature__section">
        <h2 id={`${id}-rights`}>Mes droits</h2>
        <ul>
          {summary.rights.map((right) => (
            <li key={right}>{right}</li>
          ))}
        </ul>
      </section>

      <form noValidate onSubmit={submit} className="spie-signature__section" aria-labelledby={`${id}-sign`}>
        <h2 id={`${id}-sign`}>Je signe</h2>
        <PublicErrorAlert error={signError} title="Le contrat n’a pas pu être signé" />
        {Boolean(signError) && (
          <p>
            <Button type="button" priority="tertiary" onClick={onRestart}>
              Recevoir un nouveau code
            </Button>
          </p>
        )}
        <Checkbox
          options={[
            {
              label: 'J’ai lu mon contrat et je m’engage à le respecter',
              nativeInputProps: {
                ref: boxRef,
                name: 'accepted',
                checked: accepted,
                onChange: (event) => {
                  setAccepted(event.target.checked);
                  if (event.target.checked) setMissing(null);
                },
              },
            },
          ]}
          {...(missing ? { state: 'error' as const, stateRelatedMessage: missing } : {})}
        />
        <Button type="submit" size="large" disabled={signing}>
          {signing ? 'Signature en cours…' : 'Je signe mon contrat'}
        </Button>
      </form>
    </>
  );
}
