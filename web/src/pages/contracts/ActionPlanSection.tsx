import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Contract } from '@spie/contract/contracts';
import { useEffect, useState } from 'react';
import { AddObjectiveForm } from './AddObjectiveForm';
import { followUpAllowed, freeTextHint, planEditable } from './contractFormat';
import { ObjectiveBlock } from './ObjectiveBlock';

/** Objectives and their actions, all on one page (no tiles, no accordions). */
export function ActionPlanSection({
  contract,
  readOnly,
  onDone,
}: {
  contract: Contract;
  readOnly: boolean;
  onDone: (message: string) => void;
}) {
  const editable = !readOnly && planEditable(contract);
  const followUp = !readOnly && followUpAllowed(contract);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    if (adding) document.getElementById('add-objective-title')?.focus();
  }, [adding]);

  return (
    <section aria-labelledby="plan-title" className="fr-mt-6w">
      <h3 id="plan-title">Plan d’action</h3>
      {editable && (
        <p className="fr-text--sm">
          Choisissez les objectifs avec la personne, à partir des besoins du diagnostic, puis les actions de
          chaque objectif. {freeTextHint}
        </p>
      )}
      {!editable && !readOnly && contract.status !== 'termine' && contract.status !== 'renouvele' && (
        <p className="fr-text--sm">
          Vous pouvez changer l’état des objectifs et des actions. Pour ajouter ou retirer un objectif ou une
          action d’un contrat signé, ouvrez une révision (avenant).
        </p>
      )}
      {contract.objectives.length === 0 ? (
        <p className="spie-empty-state">Aucun objectif pour le moment.</p>
      ) : (
        contract.objectives.map((objective, index) => (
          <ObjectiveBlock
            key={objective.id}
            contract={contract}
            objective={objective}
            index={index}
            editable={editable}
            followUp={followUp}
            onDone={onDone}
          />
        ))
      )}
      {editable && !adding && (
        <Button priority="secondary" iconId="fr-icon-add-line" onClick={() => setAdding(true)}>
          Ajouter un objectif
        </Button>
      )}
      {editable && adding && (
        <AddObjectiveForm
          contract={contract}
          onDone={(message) => {
            setAdding(false);
            onDone(message);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
    </section>
  );
}
