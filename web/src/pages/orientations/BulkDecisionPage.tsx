import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FieldError } from '@spie/contract';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { plural } from '../people/peopleFormat';
import { DecisionFields, decisionFormPaths, toDecisionBody, useDecisionForm } from './DecisionFields';
import { useBulkDecide } from './orientations.queries';
import { type BulkSelection, maxBulk } from './QueuePage';

/**
 * The same orientation for the people selected in « À orienter » (500 at most, all or nothing).
 * The selection travels in the history state, so a reload keeps it.
 */
export function BulkDecisionPage() {
  const { state } = useLocation();
  const selection = ((state as { selection?: BulkSelection[] } | null)?.selection ?? []).slice(0, maxBulk);
  const count = selection.length;
  const title = `Décision groupée (${plural(count, 'personne')})`;

  return (
    <>
      <PageBreadcrumb
        current="Décision groupée"
        parents={[{ label: 'À orienter', to: '/orientations/a-orienter' }]}
      />
      <PageHeading title={title} />
      {count === 0 ? (
        <p>
          Aucune personne n’est sélectionnée. Cochez les personnes dans la liste{' '}
          <Link to="/orientations/a-orienter">« À orienter »</Link>, puis choisissez « Décision groupée ».
        </p>
      ) : (
        <BulkForm selection={selection} />
      )}
    </>
  );
}

function BulkForm({ selection }: { selection: BulkSelection[] }) {
  const navigate = useNavigate();
  const bulk = useBulkDecide();
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  // The recommendation is offered only when every selected person has the same one.
  const recommended = selection.every(
    (s) => s.recommendedPath && s.recommendedPath === selection[0]?.recommendedPath,
  )
    ? (selection[0]?.recommendedPath ?? null)
    : null;
  const form = useDecisionForm({ path: recommended ?? '' });
  const count = selection.length;

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      const { decided } = await bulk.mutateAsync({
        ...toDecisionBody(values),
        orientationIds: selection.map((s) => s.orientationId),
      });
      navigate('/orientations/a-orienter', {
        replace: true,
        state: {
          notice:
            decided > 1
              ? `${decided} orientations décidées : les courriers sont en cours de préparation.`
              : `${decided} orientation décidée : le courrier est en cours de préparation.`,
        },
      });
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, form.setError, decisionFormPaths));
    }
  });

  return (
    <>
      <p>
        La même orientation sera décidée pour {plural(count, 'personne')}. Si l’une d’elles ne peut pas être
        orientée (déjà orientée entre-temps, par exemple), aucune décision n’est enregistrée et la raison
        s’affiche.
      </p>
      <details className="fr-mb-3w">
        <summary>Voir les {plural(count, 'personne sélectionnée', 'personnes sélectionnées')}</summary>
        <ul>
          {selection.map((s) => (
            <li key={s.orientationId}>
              <Link to={`/personnes/${s.personId}/orientation`}>{s.displayName}</Link>
            </li>
          ))}
        </ul>
      </details>
      <form noValidate onSubmit={submit} aria-labelledby="bulk-form-title">
        <h2 id="bulk-form-title" className="fr-h4">
          Orientation décidée
        </h2>
        <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
        <ApiErrorAlert error={bulk.error} title="Les orientations n’ont pas été décidées" />
        <FieldErrorList fields={unmatched} />
        <DecisionFields form={form} idPrefix="bulk" recommendedPath={recommended ?? undefined} />
        <div className="spie-actions">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Décider pour {plural(count, 'personne')}
          </Button>
          <Button priority="tertiary" linkProps={{ to: '/orientations/a-orienter' }}>
            Annuler
          </Button>
        </div>
      </form>
    </>
  );
}
