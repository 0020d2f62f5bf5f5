import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  actionStatuses,
  actionStatusesWithReason,
  actionStatusLabels,
  type Contract,
  type Objective,
  objectiveStatuses,
  objectiveStatusLabels,
  planThemeLabels,
} from '@spie/contract/contracts';
import { useEffect, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../people/peopleFormat';
import { AddActionForm } from './AddActionForm';
import { formatHours, needLabel } from './contractFormat';
import {
  useRemoveAction,
  useRemoveObjective,
  useUpdateAction,
  useUpdateObjective,
} from './contracts.queries';
import { StatusChangeForm } from './StatusChangeForm';

/** One objective with all its actions in a table (nothing hidden), and its quick status changes. */
export function ObjectiveBlock({
  contract,
  objective,
  index,
  editable,
  followUp,
  onDone,
}: {
  contract: Contract;
  objective: Objective;
  index: number;
  /** Plan edits: add and remove (draft or revision). */
  editable: boolean;
  /** Status changes of the objective and its actions. */
  followUp: boolean;
  onDone: (message: string) => void;
}) {
  const updateObjective = useUpdateObjective(contract.id);
  const removeObjective = useRemoveObjective(contract.id);
  const updateAction = useUpdateAction();
  const removeAction = useRemoveAction();
  const [adding, setAdding] = useState(false);
  const titleId = `objective-${objective.id}`;
  const need = needLabel(objective.need);

  useEffect(() => {
    if (adding) document.getElementById(`add-action-${objective.id}-title`)?.focus();
  }, [adding, objective.id]);

  const headers = [
    'Action',
    'Structure responsable',
    'Dates prévues',
    'Heures par semaine',
    'État',
    'Heures réalisées',
    ...(followUp ? ['Changer l’état'] : []),
    ...(editable ? ['Retirer'] : []),
  ];

  return (
    <article aria-labelledby={titleId} className="spie-panel fr-mb-3w">
      <h4 id={titleId} className="fr-h6 fr-mb-1w">
        Objectif {index + 1} : {objective.label}{' '}
        <Badge small noIcon as="span" severity={objective.status === 'atteint' ? 'success' : 'info'}>
          {objectiveStatusLabels[objective.status]}
        </Badge>
      </h4>
      <dl className="spie-facts">
        <dt>Thème</dt>
        <dd>{planThemeLabels[objective.theme]}</dd>
        <dt>Besoin du diagnostic</dt>
        <dd>{need ?? 'Objectif sans lien avec un besoin du diagnostic.'}</dd>
        {objective.statusReason && (
          <>
            <dt>Motif</dt>
            <dd>{objective.statusReason}</dd>
          </>
        )}
      </dl>
      {followUp && (
        <StatusChangeForm
          current={objective.status}
          currentReason={objective.statusReason}
          statuses={objectiveStatuses}
          labels={objectiveStatusLabels}
          withReason={['abandonne']}
          what={<>de l’objectif « {objective.label} »</>}
          onSave={(status, statusReason) =>
            updateObjective.mutateAsync({ objectiveId: objective.id, body: { status, statusReason } })
          }
        />
      )}

      {objective.actions.length === 0 ? (
        <p className="spie-empty-state fr-mt-2w">Aucune action pour cet objectif.</p>
      ) : (
        <DataTable
          caption={`Actions de l’objectif « ${objective.label} »`}
          headers={headers}
          rows={objective.actions.map((action) => ({
            key: action.id,
            cells: [
              action.label,
              action.responsibleOrganisation?.name ?? 'Non précisée',
              action.plannedEnd
                ? `Du ${formatDay(action.plannedStart)} au ${formatDay(action.plannedEnd)}`
                : `À partir du ${formatDay(action.plannedStart)}`,
              formatHours(action.plannedWeeklyHours),
              <span key="status">
                {actionStatusLabels[action.status]}
                {action.statusReason && (
                  <span className="spie-block fr-text--xs fr-mb-0">Motif : {action.statusReason}</span>
                )}
              </span>,
              formatHours(action.hoursDone),
              ...(followUp
                ? [
                    <StatusChangeForm
                      key="change"
                      current={action.status}
                      currentReason={action.statusReason}
                      statuses={actionStatuses}
                      labels={actionStatusLabels}
                      withReason={actionStatusesWithReason}
                      what={<>de l’action « {action.label} »</>}
                      onSave={(status, statusReason) =>
                        updateAction.mutateAsync({ actionId: action.id, body: { status, statusReason } })
                      }
                    />,
                  ]
                : []),
              ...(editable
                ? [
                    <Button
                      key="remove"
                      type="button"
                      size="small"
                      priority="tertiary"
                      iconId="fr-icon-delete-line"
                      disabled={removeAction.isPending}
                      onClick={() =>
                        removeAction.mutate(action.id, {
                          onSuccess: () => onDone(`L’action « ${action.label} » est retirée du plan.`),
                        })
                      }
                    >
                      Retirer<span className="fr-sr-only"> l’action « {action.label} »</span>
                    </Button>,
                  ]
                : []),
            ],
          }))}
        />
      )}
      <ApiErrorAlert error={removeAction.error} title="L’action n’a pas été retirée" />
      <ApiErrorAlert error={removeObjective.error} title="L’objectif n’a pas été retiré" />

      {editable && (
        <div className="spie-actions fr-mb-0">
          {!adding && (
            <Button
              priority="secondary"
              size="small"
              iconId="fr-icon-add-line"
              onClick={() => setAdding(true)}
            >
              Ajouter une action<span className="fr-sr-only"> à l’objectif « {objective.label} »</span>
            </Button>
          )}
          <Button
            priority="tertiary"
            size="small"
            iconId="fr-icon-delete-line"
            disabled={removeObjective.isPending}
            onClick={() =>
              removeObjective.mutate(objective.id, {
                onSuccess: () =>
                  onDone(`L’objectif « ${objective.label} » et ses actions sont retirés du plan.`),
              })
            }
          >
            Retirer l’objectif<span className="fr-sr-only"> « {objective.label} »</span>
          </Button>
        </div>
      )}
      {editable && adding && (
        <AddActionForm
          contract={contract}
          objective={objective}
          onDone={(message) => {
            setAdding(false);
            onDone(message);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
    </article>
  );
}
