import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Contract, ContractAction } from '@spie/contract/contracts';
import { useEffect, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { type TransitionButton, transitionButtons } from './contractFormat';
import { useContractTransition } from './contracts.queries';
import { TransitionForm } from './TransitionForm';

/** What to tell after a step that needs no form. */
const doneMessages: Partial<Record<ContractAction, string>> = {
  propose:
    'Le contrat est proposé à la personne. Envoyez-lui le lien de signature, ou enregistrez sa signature en rendez-vous.',
  withdraw: 'Le contrat est repris : vous pouvez le modifier.',
  convert: 'L’ancien contrat est converti : un contrat d’engagement en brouillon est créé.',
};

/** The next steps the server allows, as buttons; those that need details open a small form. */
export function ContractTransitions({
  contract,
  onDone,
}: {
  contract: Contract;
  onDone: (message: string) => void;
}) {
  const buttons = transitionButtons(contract);
  const transition = useContractTransition(contract.id);
  const [opened, setOpened] = useState<TransitionButton | null>(null);

  useEffect(() => {
    if (opened) document.getElementById('transition-title')?.focus();
  }, [opened]);

  if (buttons.length === 0) return null;

  const run = async (button: TransitionButton) => {
    if (button.fields) {
      transition.reset();
      setOpened(button);
      return;
    }
    try {
      await transition.mutateAsync({ action: button.action });
      onDone(doneMessages[button.action] ?? `C’est fait : ${button.label.toLocaleLowerCase('fr-FR')}.`);
    } catch {
      // Shown below.
    }
  };

  return (
    <>
      <div className="spie-actions fr-mb-0">
        {buttons.map((button) => (
          <Button
            key={`${button.action}`}
            priority={button.action === 'end' ? 'tertiary' : button.fields ? 'secondary' : 'primary'}
            disabled={transition.isPending}
            aria-expanded={button.fields ? opened?.action === button.action : undefined}
            onClick={() => run(button)}
          >
            {button.label}
          </Button>
        ))}
      </div>
      {!opened && <ApiErrorAlert error={transition.error} title="L’étape n’a pas été enregistrée" />}
      {opened && (
        <TransitionForm
          key={opened.action}
          button={opened}
          mutation={transition}
          onDone={(message) => {
            setOpened(null);
            onDone(message);
          }}
          onCancel={() => setOpened(null)}
        />
      )}
    </>
  );
}
