import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FieldError } from '@spie/contract';
import {
  leadKindLabels,
  type ReorientationRequest,
  reorientationStatusLabels,
} from '@spie/contract/orientations';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { Loading } from '../../components/Loading';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { usePersonContext } from '../people/PersonLayout';
import { formatDay } from '../people/peopleFormat';
import { DecisionFields, decisionFormPaths, toDecisionBody, useDecisionForm } from './DecisionFields';
import { pathLabel } from './orientationFormat';
import {
  useAcceptReorientation,
  usePersonOrientations,
  useRefuseReorientation,
} from './orientations.queries';
import { ReasonForm } from './ReasonForm';

/**
 * An orientation manager answers a reorientation request: accept (a new orientation is decided,
 * prefilled with the proposal; the previous one is kept) or refuse with a reason.
 */
export function ReorientationAnswerPage() {
  const { person } = usePersonContext();
  const requestId = useParams().requestId ?? '';
  const orientations = usePersonOrientations(person.id);
  const owner = orientations.data?.items.find((o) => o.reorientationRequests.some((r) => r.id === requestId));
  const request = owner?.reorientationRequests.find((r) => r.id === requestId);
  const back = `/personnes/${person.id}/orientation`;

  if (orientations.isPending) return <Loading label="Chargement de la demande…" />;
  if (orientations.error)
    return <ApiErrorAlert error={orientations.error} title="La demande n’a pas pu être chargée" />;
  if (!request || !owner) {
    return (
      <>
        <h2>Demande introuvable</h2>
        <p>
          Cette demande de réorientation n’existe pas.{' '}
          <Link to={back}>Revenir à l’orientation de la personne</Link>.
        </p>
      </>
    );
  }
  if (request.status !== 'demandee') {
    return (
      <>
        <h2>Demande de réorientation</h2>
        <p>
          Cette demande a déjà reçu une réponse : « {reorientationStatusLabels[request.status]} ».{' '}
          <Link to={back}>Revenir à l’orientation de la personne</Link>.
        </p>
      </>
    );
  }
  return <AnswerForms request={request} personName={person.displayName} back={back} />;
}

function AnswerForms({
  request,
  personName,
  back,
}: {
  request: ReorientationRequest;
  personName: string;
  back: string;
}) {
  const navigate = useNavigate();
  const accept = useAcceptReorientation();
  const refuse = useRefuseReorientation();
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const form = useDecisionForm({
    path: request.proposedPath,
    leadKind: request.proposedLeadKind ?? '',
    organisationId: request.proposedOrganisation?.id ?? '',
  });

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      await accept.mutateAsync({ requestId: request.id, body: toDecisionBody(values) });
      navigate(back, {
        state: {
          notice: `La réorientation de ${personName} est acceptée : la nouvelle orientation est décidée et le courrier est en cours de préparation.`,
        },
      });
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, form.setError, decisionFormPaths));
    }
  });

  return (
    <>
      <h2>Demande de réorientation</h2>
      <div className="spie-panel">
        <p className="fr-mb-1w">
          Demandée le {formatDay(request.requestedAt)} par {request.requestedBy.name} (
          {request.requestedByOrganisation.name}).
        </p>
        <p className="fr-mb-1w">
          Parcours proposé : {pathLabel(request.proposedPath)}
          {request.proposedLeadKind && ` — ${leadKindLabels[request.proposedLeadKind]}`}
          {request.proposedOrganisation && ` — ${request.proposedOrganisation.name}`}.
        </p>
        <p className="fr-mb-0">Motif : {request.reason}</p>
      </div>

      <form noValidate onSubmit={submit} aria-labelledby="accept-title">
        <h3 id="accept-title" className="fr-h5">
          Accepter la réorientation
        </h3>
        <p className="fr-text--sm">
          Une nouvelle orientation est décidée ; l’orientation actuelle est conservée dans l’historique. Le
          formulaire reprend la proposition : vous pouvez la modifier. Les champs marqués d’un astérisque (*)
          sont obligatoires.
        </p>
        <ApiErrorAlert error={accept.error} title="La réorientation n’a pas été acceptée" />
        <FieldErrorList fields={unmatched} />
        <DecisionFields form={form} idPrefix="accept" />
        <div className="spie-actions">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Accepter et décider la nouvelle orientation
          </Button>
          <Button priority="tertiary" linkProps={{ to: back }}>
            Annuler
          </Button>
        </div>
      </form>

      <ReasonForm
        id="refuse-reorientation"
        label="Motif du refus *"
        title="Refuser la réorientation"
        intro="L’orientation actuelle reste en vigueur. Le motif est transmis au ou à la référent·e."
        submitLabel="Refuser la réorientation"
        errorTitle="La réorientation n’a pas été refusée"
        pending={refuse.isPending}
        error={refuse.error}
        onSubmit={async (reason) => {
          await refuse.mutateAsync({ requestId: request.id, reason });
          navigate(back, { state: { notice: `La demande de réorientation de ${personName} est refusée.` } });
        }}
      />
    </>
  );
}
