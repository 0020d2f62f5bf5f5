import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FieldError } from '@spie/contract';
import {
  leadKindLabels,
  type Orientation,
  orientationSourceLabels,
  orientationStatusLabels,
} from '@spie/contract/orientations';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { Loading } from '../../components/Loading';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { usePersonContext } from '../people/PersonLayout';
import { formatDay } from '../people/peopleFormat';
import { DecisionFields, decisionFormPaths, toDecisionBody, useDecisionForm } from './DecisionFields';
import { daysLeftFromDeadline, pathLabel } from './orientationFormat';
import { usePersonOrientations, useTransition } from './orientations.queries';
import { ReasonForm } from './ReasonForm';

/**
 * Deciding (or proposing, when the territory asks for a validation step) the orientation of a
 * person waiting for one, refusing a proposal, or closing it without follow-up. Only the actions
 * the server allows (`allowedActions`) are offered.
 */
export function DecisionPage() {
  const { person } = usePersonContext();
  const orientationId = useParams().orientationId ?? '';
  const orientations = usePersonOrientations(person.id);
  const orientation = orientations.data?.items.find((item) => item.id === orientationId);
  const back = `/personnes/${person.id}/orientation`;

  if (orientations.isPending) return <Loading label="Chargement de l’orientation…" />;
  if (orientations.error)
    return <ApiErrorAlert error={orientations.error} title="L’orientation n’a pas pu être chargée" />;
  if (!orientation) {
    return (
      <>
        <h2>Orientation introuvable</h2>
        <p>
          Cette orientation n’existe pas ou n’est plus celle de la personne.{' '}
          <Link to={back}>Revenir à l’orientation de la personne</Link>.
        </p>
      </>
    );
  }
  const actions = orientation.allowedActions;
  if (!actions.some((a) => a === 'decide' || a === 'propose' || a === 'close' || a === 'rejectProposal')) {
    return (
      <>
        <h2>Orientation</h2>
        <p>
          Cette orientation n’attend pas de décision de votre part (état : «{' '}
          {orientationStatusLabels[orientation.status]} »).{' '}
          <Link to={back}>Revenir à l’orientation de la personne</Link>.
        </p>
      </>
    );
  }
  return <DecisionForms orientation={orientation} personName={person.displayName} back={back} />;
}

function decisionTitle(orientation: Orientation): string {
  if (orientation.status === 'proposee') return 'Valider ou refuser la proposition d’orientation';
  if (orientation.allowedActions.includes('decide')) return 'Décider l’orientation';
  if (orientation.allowedActions.includes('propose')) return 'Proposer une orientation';
  return 'Classer sans suite';
}

function DecisionForms({
  orientation,
  personName,
  back,
}: {
  orientation: Orientation;
  personName: string;
  back: string;
}) {
  const navigate = useNavigate();
  const { hash } = useLocation();
  const transition = useTransition();
  const [active, setActive] = useState<'decide' | 'reject' | 'close' | null>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const proposal = orientation.proposal;
  const form = useDecisionForm(
    proposal
      ? {
          path: proposal.path,
          leadKind: proposal.leadKind,
          organisationId: proposal.organisation.id,
          referentAccountId: proposal.referent?.accountId ?? '',
        }
      : { path: orientation.recommendedPath ?? '' },
  );
  const actions = orientation.allowedActions;
  const decides = actions.includes('decide');
  const proposes = !decides && actions.includes('propose');
  const daysLeft = daysLeftFromDeadline(orientation.deadline);

  useEffect(() => {
    if (hash === '#classer') document.getElementById('close-orientation-title')?.focus();
  }, [hash]);

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    setActive('decide');
    try {
      await transition.mutateAsync({
        orientationId: orientation.id,
        body: { action: decides ? 'decide' : 'propose', ...toDecisionBody(values) },
      });
      navigate(back, {
        state: {
          notice: decides
            ? `L’orientation de ${personName} est décidée : le courrier à la personne est en cours de préparation.`
            : `L’orientation de ${personName} est proposée : elle attend maintenant d’être validée.`,
        },
      });
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, form.setError, decisionFormPaths));
    }
  });

  const runReason = (action: 'close' | 'rejectProposal', notice: string) => async (reason: string) => {
    setActive(action === 'close' ? 'close' : 'reject');
    await transition.mutateAsync({ orientationId: orientation.id, body: { action, reason } });
    navigate(back, { state: { notice } });
  };

  return (
    <>
      <h2>{decisionTitle(orientation)}</h2>
      <dl className="spie-facts">
        <dt>État</dt>
        <dd>{orientationStatusLabels[orientation.status]}</dd>
        <dt>Origine</dt>
        <dd>{orientationSourceLabels[orientation.source]}</dd>
        <dt>Information reçue le</dt>
        <dd>{formatDay(orientation.informationReceivedOn)}</dd>
        <dt>À orienter avant le</dt>
        <dd>
          {formatDay(orientation.deadline)}
          {daysLeft && ` (${daysLeft.text.toLowerCase()})`}
        </dd>
        <dt>Parcours recommandé</dt>
        <dd>
          {orientation.recommendedPath ? (
            pathLabel(orientation.recommendedPath)
          ) : (
            <>
              Pas encore de diagnostic
              {' — '}
              <Link to={`/personnes/${orientation.personId}/diagnostic`}>voir le diagnostic</Link>
            </>
          )}
        </dd>
      </dl>
      {proposal && (
        <div className="spie-panel">
          <h3 className="fr-h6">Proposition à valider</h3>
          <p className="fr-mb-1w">
            Proposée le {formatDay(proposal.at)} par {proposal.by.name} : parcours {pathLabel(proposal.path)},{' '}
            {leadKindLabels[proposal.leadKind]} — {proposal.organisation.name}
            {proposal.referent ? `, avec ${proposal.referent.name} comme référent·e` : ''}.
          </p>
          <p className="fr-mb-0">Motif : {proposal.reason}</p>
        </div>
      )}

      {(decides || proposes) && (
        <form noValidate onSubmit={submit} aria-labelledby="decision-form-title">
          <h3 id="decision-form-title" className="fr-h5">
            {decides ? (proposal ? 'Votre validation' : 'Votre décision') : 'Votre proposition'}
          </h3>
          {proposes && (
            <p className="fr-text--sm">
              Votre territoire demande une étape de validation : l’orientation sera proposée, puis validée par
              une décision.
            </p>
          )}
          <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
          {active === 'decide' && (
            <ApiErrorAlert
              error={transition.error}
              title={decides ? 'L’orientation n’a pas été décidée' : 'L’orientation n’a pas été proposée'}
            />
          )}
          <FieldErrorList fields={unmatched} />
          <DecisionFields form={form} idPrefix="decision" recommendedPath={orientation.recommendedPath} />
          <div className="spie-actions">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {decides
                ? proposal
                  ? 'Valider et décider'
                  : 'Décider l’orientation'
                : 'Proposer l’orientation'}
            </Button>
            <Button priority="tertiary" linkProps={{ to: back }}>
              Annuler
            </Button>
          </div>
        </form>
      )}

      {actions.includes('rejectProposal') && (
        <ReasonForm
          id="reject-proposal"
          title="Refuser la proposition"
          label="Motif du refus *"
          intro="La personne redevient « à orienter » ; la proposition reste dans l’historique."
          submitLabel="Refuser la proposition"
          errorTitle="La proposition n’a pas été refusée"
          pending={transition.isPending}
          error={active === 'reject' ? transition.error : null}
          onSubmit={runReason(
            'rejectProposal',
            `La proposition est refusée : ${personName} reste à orienter.`,
          )}
        />
      )}
      {actions.includes('close') && (
        <ReasonForm
          id="close-orientation"
          title="Classer sans suite"
          label="Motif du classement *"
          intro="Par exemple : la personne a déménagé hors du territoire ou n’est plus soumise aux droits et devoirs."
          submitLabel="Classer sans suite"
          errorTitle="L’orientation n’a pas été classée"
          pending={transition.isPending}
          error={active === 'close' ? transition.error : null}
          onSubmit={runReason('close', `L’orientation de ${personName} est classée sans suite.`)}
        />
      )}
    </>
  );
}
