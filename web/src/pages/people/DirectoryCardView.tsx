import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type DirectoryCard, teamRoleLabels } from '@spie/contract/people';
import { organisationKindLabels } from '@spie/contract/territories';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { fieldState } from '../../components/fieldState';
import { useRequestToJoin } from './people.queries';

/**
 * A directory card: only what any professional of the territory may learn (who accompanies the
 * person and how to reach them), with the way in — the record if I am in the team, else a request.
 */
export function DirectoryCardView({
  card,
  headingLevel = 3,
  extra,
}: {
  card: DirectoryCard;
  headingLevel?: 3 | 4;
  extra?: React.ReactNode;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const titleId = useId();
  const [sent, setSent] = useState(false);
  return (
    <article className="spie-panel spie-card" aria-labelledby={titleId}>
      <div>
        <div>
          <Heading id={titleId} className="fr-h5 fr-mb-1v">
            {card.displayName}
          </Heading>
          <p className="fr-mb-2w">Né·e en {card.birthYear}</p>
          {extra}
          {card.accompaniedBy.length === 0 ? (
            <p className="fr-text--sm">Aucune structure n’accompagne cette personne pour le moment.</p>
          ) : (
            <>
              <p className="fr-text--sm fr-mb-1v">Accompagnée par :</p>
              <ul className="fr-text--sm">
                {card.accompaniedBy.map((entry) => (
                  <li key={`${entry.organisationName}-${entry.professionalName}-${entry.role}`}>
                    <strong>{entry.organisationName}</strong> (
                    {organisationKindLabels[entry.organisationKind]}){' — '}
                    {teamRoleLabels[entry.role]}
                    {entry.professionalName && <> : {entry.professionalName}</>}
                    {(entry.workEmail || entry.workPhone) && (
                      <span className="spie-block spie-break">
                        Contact professionnel :{' '}
                        {entry.workEmail && <a href={`mailto:${entry.workEmail}`}>{entry.workEmail}</a>}
                        {entry.workEmail && entry.workPhone && ' — '}
                        {entry.workPhone && <a href={`tel:${entry.workPhone}`}>{entry.workPhone}</a>}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="fr-mt-2w">
          {sent ? (
            <JoinRequestSent />
          ) : card.inMyTeam ? (
            <Link
              className="fr-link fr-icon-arrow-right-line fr-link--icon-right"
              to={`/personnes/${card.personId}`}
            >
              Ouvrir le dossier de {card.displayName}
            </Link>
          ) : card.joinRequested ? (
            <Badge severity="info">Demande envoyée</Badge>
          ) : (
            <JoinRequest
              personId={card.personId}
              displayName={card.displayName}
              onSent={() => setSent(true)}
            />
          )}
        </div>
      </div>
    </article>
  );
}

/** Kept by the card (the list is refreshed after the request, the message must stay). */
function JoinRequestSent() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="fr-alert fr-alert--success fr-alert--sm">
      <p>Votre demande a été envoyée au référent. Vous aurez accès au dossier quand elle sera acceptée.</p>
    </div>
  );
}

function JoinRequest({
  personId,
  displayName,
  onSent,
}: {
  personId: string;
  displayName: string;
  onSent: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const request = useRequestToJoin(personId);
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (open) fieldRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <Button priority="secondary" iconId="fr-icon-team-line" onClick={() => setOpen(true)}>
        Demander à rejoindre l’équipe
        <span className="fr-sr-only"> de {displayName}</span>
      </Button>
    );
  }
  return (
    <form
      noValidate
      aria-label={`Demander à rejoindre l’équipe de ${displayName}`}
      onSubmit={async (event) => {
        event.preventDefault();
        const text = reason.trim();
        if (!text) {
          setError('Indiquez pourquoi vous souhaitez rejoindre l’équipe.');
          fieldRef.current?.focus();
          return;
        }
        if (text.length > 500) {
          setError('Motif : 500 caractères au plus.');
          fieldRef.current?.focus();
          return;
        }
        setError(null);
        try {
          await request.mutateAsync(text);
          onSent();
        } catch {
          // Shown by the alert below.
        }
      }}
    >
      <ApiErrorAlert error={request.error} title="La demande n’a pas été envoyée" />
      <Input
        textArea
        label="Pourquoi souhaitez-vous rejoindre l’équipe ? *"
        hintText="Par exemple : « Je l’accompagne dans sa recherche de formation. » 500 caractères au plus."
        nativeTextAreaProps={{
          ref: fieldRef,
          value: reason,
          rows: 3,
          maxLength: 500,
          onChange: (event) => setReason(event.target.value),
        }}
        {...fieldState(error ? { message: error } : undefined)}
      />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <Button type="submit" disabled={request.isPending}>
            {request.isPending ? 'Envoi…' : 'Envoyer la demande'}
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={() => setOpen(false)}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
