import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { buildPath, peopleRoutes } from '@spie/contract';
import {
  currentOrientationStatuses,
  leadKindLabels,
  type Orientation,
  type OrientationDecision,
  orientationSourceLabels,
  orientationStatusLabels,
  pendingOrientationStatuses,
  type ReorientationRequest,
  reorientationStatusLabels,
} from '@spie/contract/orientations';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useSession } from '../auth/auth.queries';
import { usePersonContext } from '../people/PersonLayout';
import { formatDay, todayIso } from '../people/peopleFormat';
import { AssignReferentForm } from './AssignReferentForm';
import { daysLeftFromDeadline, durationLabel, pathLabel, statusSeverity } from './orientationFormat';
import { usePersonOrientations } from './orientations.queries';
import { ReorientationRequestForm } from './ReorientationRequestForm';
import { StartOrientationForm } from './StartOrientationForm';

type Opened = 'start' | 'reorientation' | null;

/**
 * The person's orientation: the one in force (or waiting) at a glance, the actions the current
 * user may take, then every orientation ever made, newest first (none is ever erased).
 */
export function OrientationTab() {
  const { person } = usePersonContext();
  const { state } = useLocation();
  const role = useSession().data?.activeMembership?.role;
  const orientations = usePersonOrientations(person.id);
  const items = orientations.data?.items ?? [];
  const current = items.find((o) => o.id === orientations.data?.currentId) ?? null;
  const pending = items.find((o) => pendingOrientationStatuses.includes(o.status)) ?? null;
  const [success, setSuccess] = useState<{ message: string; n: number } | null>(null);
  const [opened, setOpened] = useState<Opened>(null);
  const notice = (state as { notice?: string } | null)?.notice;
  const showSuccess = (message: string) => {
    setOpened(null);
    setSuccess((last) => ({ message, n: (last?.n ?? 0) + 1 }));
  };

  useEffect(() => {
    if (opened === 'start') document.getElementById('start-title')?.focus();
    if (opened === 'reorientation') document.getElementById('reorientation-title')?.focus();
  }, [opened]);

  const isReferent = person.myRole === 'referent' || person.myRole === 'co_referent';
  const mayRequestReorientation =
    isReferent &&
    current !== null &&
    (current.status === 'notifiee' || current.status === 'referent_designe') &&
    !current.reorientationRequests.some((r) => r.status === 'demandee');
  // The server refuses a second open or current orientation: a change goes through a reorientation.
  const mayStart = role === 'orientation_manager' && !pending && !current && !person.mergedInto;

  return (
    <>
      <h2>Orientation</h2>
      {orientations.isPending && <Loading label="Chargement des orientations…" />}
      <ApiErrorAlert error={orientations.error} title="Les orientations n’ont pas pu être chargées" />
      {success ? (
        <SuccessAlert key={success.n} title={success.message} />
      ) : (
        notice && <SuccessAlert key={notice} title={notice} />
      )}

      {orientations.data && (
        <>
          {pending && <PendingBlock orientation={pending} />}
          {current ? (
            <CurrentBlock orientation={current} />
          ) : (
            !pending && <p className="spie-empty-state">La personne n’a pas d’orientation en cours.</p>
          )}

          <div className="spie-actions">
            {mayStart && opened !== 'start' && (
              <Button priority="secondary" iconId="fr-icon-add-line" onClick={() => setOpened('start')}>
                Mettre à orienter
              </Button>
            )}
            {mayRequestReorientation && opened !== 'reorientation' && (
              <Button priority="secondary" onClick={() => setOpened('reorientation')}>
                Demander une réorientation
              </Button>
            )}
          </div>
          {opened === 'start' && (
            <StartOrientationForm
              personId={person.id}
              onDone={showSuccess}
              onCancel={() => setOpened(null)}
            />
          )}
          {opened === 'reorientation' && current && (
            <ReorientationRequestForm
              orientationId={current.id}
              currentPath={current.decision?.path ?? null}
              onDone={showSuccess}
              onCancel={() => setOpened(null)}
            />
          )}
          {current?.allowedActions.includes('assign') && current.decision && (
            <section aria-labelledby="assign-title" className="spie-panel fr-mt-2w">
              <h3 id="assign-title" className="fr-h5">
                Désigner le ou la référent·e
              </h3>
              <p className="fr-text--sm">
                La personne est orientée vers votre structure. Le ou la référent·e unique l’accompagne et
                signe avec elle le contrat d’engagement.
              </p>
              <AssignReferentForm
                orientationId={current.id}
                organisationId={current.decision.organisation.id}
                personName={person.displayName}
                defaultAccountId={current.decision.referent?.accountId}
                onDone={showSuccess}
              />
            </section>
          )}

          <h3 className="fr-mt-6w">Historique des orientations</h3>
          {items.length === 0 ? (
            <p className="spie-empty-state">Aucune orientation pour le moment.</p>
          ) : (
            <ol className="spie-timeline">
              {items.map((orientation) => (
                <li key={orientation.id} className="spie-timeline__item">
                  <HistoryEntry
                    orientation={orientation}
                    isOrientationManager={role === 'orientation_manager'}
                  />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}

function StatusBadge({ orientation }: { orientation: Orientation }) {
  const severity = statusSeverity[orientation.status];
  return (
    <Badge small noIcon as="span" {...(severity ? { severity } : {})}>
      {orientationStatusLabels[orientation.status]}
    </Badge>
  );
}

/** Waiting for a decision: deadline, recommendation, proposal, and the manager's next step. */
function PendingBlock({ orientation }: { orientation: Orientation }) {
  const left = daysLeftFromDeadline(orientation.deadline);
  const actions = orientation.allowedActions;
  const decisionPath = `/personnes/${orientation.personId}/orientation/${orientation.id}/decision`;
  const mainLabel =
    orientation.status === 'proposee' && actions.includes('decide')
      ? 'Valider ou refuser la proposition'
      : actions.includes('decide')
        ? 'Orienter la personne'
        : actions.includes('propose')
          ? 'Proposer une orientation'
          : null;
  return (
    <section aria-labelledby="pending-title" className="spie-panel">
      <h3 id="pending-title" className="fr-h5">
        En attente d’orientation <StatusBadge orientation={orientation} />
      </h3>
      <dl className="spie-facts">
        <dt>Origine</dt>
        <dd>{orientationSourceLabels[orientation.source]}</dd>
        <dt>Information reçue le</dt>
        <dd>{formatDay(orientation.informationReceivedOn)}</dd>
        <dt>À orienter avant le</dt>
        <dd>
          {formatDay(orientation.deadline)}{' '}
          {left &&
            (left.overdue ? (
              <Badge severity="error" small as="span">
                {left.text}
              </Badge>
            ) : (
              `(${left.text})`
            ))}
          {orientation.deadlinePastAtCreation && (
            <span className="spie-block fr-text--sm">
              Le délai était déjà dépassé quand la personne a été mise à orienter.
            </span>
          )}
        </dd>
        <dt>Parcours recommandé</dt>
        <dd>
          {orientation.recommendedPath ? pathLabel(orientation.recommendedPath) : 'Pas encore de diagnostic'}
        </dd>
        {orientation.proposal && (
          <>
            <dt>Proposition</dt>
            <dd>
              <DecisionText decision={orientation.proposal} verb="Proposée" />
            </dd>
          </>
        )}
      </dl>
      {(mainLabel || actions.includes('close')) && (
        <div className="spie-actions fr-mb-0">
          {mainLabel && <Button linkProps={{ to: decisionPath }}>{mainLabel}</Button>}
          {actions.includes('close') && (
            <Button priority="secondary" linkProps={{ to: `${decisionPath}#classer` }}>
              Classer sans suite
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

/** The orientation in force at a glance. */
function CurrentBlock({ orientation }: { orientation: Orientation }) {
  const decision = orientation.decision;
  return (
    <section aria-labelledby="current-title" className="spie-panel">
      <h3 id="current-title" className="fr-h5">
        Orientation en cours <StatusBadge orientation={orientation} />
      </h3>
      <dl className="spie-facts">
        <dt>Parcours</dt>
        <dd>{pathLabel(decision?.path)}</dd>
        <dt>Organisme référent</dt>
        <dd>
          {decision ? (
            <>
              {decision.organisation.name}{' '}
              <span className="spie-muted">({leadKindLabels[decision.leadKind]})</span>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Référent·e unique</dt>
        <dd>
          {orientation.referent
            ? `${orientation.referent.name}, désigné·e le ${formatDay(orientation.referent.assignedAt)}`
            : decision?.referent
              ? `${decision.referent.name} (proposé·e dans la décision, pas encore désigné·e)`
              : 'Pas encore désigné·e'}
        </dd>
        <dt>Décidée le</dt>
        <dd>{decision ? `${formatDay(decision.at)} par ${decision.by.name}` : '—'}</dd>
        <dt>Notifiée le</dt>
        <dd>{orientation.notifiedAt ? formatDay(orientation.notifiedAt) : 'Pas encore notifiée'}</dd>
        {orientation.contractDeadline && (
          <>
            <dt>Contrat d’engagement</dt>
            <dd>Contrat à signer avant le {formatDay(orientation.contractDeadline)}</dd>
          </>
        )}
        <dt>Courrier à la personne</dt>
        <dd>
          <LetterLink orientation={orientation} />
        </dd>
      </dl>
    </section>
  );
}

function LetterLink({ orientation }: { orientation: Orientation }) {
  if (orientation.letterDocumentId)
    return (
      <a href={buildPath(peopleRoutes.downloadDocument.path, { id: orientation.letterDocumentId })} download>
        Télécharger le courrier d’orientation (PDF)
      </a>
    );
  if (orientation.status === 'decidee') return <>Le courrier est en cours de préparation.</>;
  return <>Aucun courrier.</>;
}

function DecisionText({ decision, verb }: { decision: OrientationDecision; verb: string }) {
  return (
    <>
      Parcours {pathLabel(decision.path)} — {decision.organisation.name} ({leadKindLabels[decision.leadKind]})
      {decision.referent && <>, référent·e : {decision.referent.name}</>}.
      <span className="spie-block fr-text--sm">
        {verb} le {formatDay(decision.at)} par {decision.by.name}. Motif : {decision.reason}
      </span>
    </>
  );
}

function HistoryEntry({
  orientation,
  isOrientationManager,
}: {
  orientation: Orientation;
  isOrientationManager: boolean;
}) {
  const decision = orientation.decision;
  const inForce = currentOrientationStatuses.includes(orientation.status);
  const started = decision?.at ?? null;
  return (
    <article aria-labelledby={`history-${orientation.id}`}>
      <h4 id={`history-${orientation.id}`} className="fr-h6 fr-mb-1w">
        {decision
          ? `Orientation du ${formatDay(decision.at)} : parcours ${pathLabel(decision.path)}`
          : `Mise à orienter du ${formatDay(orientation.createdAt)}`}{' '}
        <StatusBadge orientation={orientation} />
      </h4>
      <dl className="spie-facts">
        <dt>Origine</dt>
        <dd>
          {orientationSourceLabels[orientation.source]}, le {formatDay(orientation.createdAt)}
          {orientation.informationReceivedOn &&
            ` (information reçue le ${formatDay(orientation.informationReceivedOn)})`}
        </dd>
        {orientation.proposal && (
          <>
            <dt>Proposition</dt>
            <dd>
              <DecisionText decision={orientation.proposal} verb="Proposée" />
            </dd>
          </>
        )}
        {decision && (
          <>
            <dt>Décision</dt>
            <dd>
              <DecisionText decision={decision} verb="Décidée" />
            </dd>
          </>
        )}
        {orientation.notifiedAt && (
          <>
            <dt>Notifiée le</dt>
            <dd>{formatDay(orientation.notifiedAt)}</dd>
          </>
        )}
        {orientation.referent && (
          <>
            <dt>Référent·e désigné·e</dt>
            <dd>
              {orientation.referent.name}, le {formatDay(orientation.referent.assignedAt)} par{' '}
              {orientation.referent.assignedBy.name}
            </dd>
          </>
        )}
        {started && (
          <>
            <dt>Durée</dt>
            <dd>
              {inForce
                ? `En vigueur depuis ${durationLabel(started, todayIso())}`
                : orientation.endedAt
                  ? `${durationLabel(started, orientation.endedAt)} (jusqu’au ${formatDay(orientation.endedAt)})`
                  : '—'}
            </dd>
          </>
        )}
        {orientation.endedAt && (
          <>
            <dt>Fin</dt>
            <dd>
              {formatDay(orientation.endedAt)}
              {orientation.endReason && ` — ${orientation.endReason}`}
            </dd>
          </>
        )}
        {orientation.letterDocumentId && (
          <>
            <dt>Courrier</dt>
            <dd>
              <LetterLink orientation={orientation} />
            </dd>
          </>
        )}
      </dl>
      {orientation.reorientationRequests.length > 0 && (
        <>
          <p className="fr-text--bold fr-mb-1w">Demandes de réorientation</p>
          <ul>
            {orientation.reorientationRequests.map((request) => (
              <li key={request.id}>
                <RequestText request={request} isOrientationManager={isOrientationManager} />
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function RequestText({
  request,
  isOrientationManager,
}: {
  request: ReorientationRequest;
  isOrientationManager: boolean;
}) {
  return (
    <>
      <Badge small noIcon as="span" severity={request.status === 'refusee' ? 'warning' : 'info'}>
        {reorientationStatusLabels[request.status]}
      </Badge>{' '}
      le {formatDay(request.requestedAt)} par {request.requestedBy.name} (
      {request.requestedByOrganisation.name}) : parcours {pathLabel(request.proposedPath)} proposé
      {request.proposedOrganisation && <>, vers {request.proposedOrganisation.name}</>}
      {request.proposedLeadKind && !request.proposedOrganisation && (
        <>, vers {leadKindLabels[request.proposedLeadKind]}</>
      )}
      . Motif : {request.reason}
      {request.answeredAt && (
        <span className="spie-block fr-text--sm">
          Réponse le {formatDay(request.answeredAt)}
          {request.answeredBy && ` par ${request.answeredBy.name}`}
          {request.answerReason && ` : ${request.answerReason}`}
        </span>
      )}
      {request.status === 'demandee' && isOrientationManager && (
        <span className="spie-block">
          <Link to={`/personnes/${request.personId}/orientation/reorientations/${request.id}`}>
            Examiner la demande
          </Link>
        </span>
      )}
    </>
  );
}
