import { Input } from '@codegouvfr/react-dsfr/Input';
import { useId, useState } from 'react';
import type { CommuneChoice } from '../territories/CommuneSearch';
import { useCommunes } from '../territories/organisations.queries';

function optionLabel(commune: CommuneChoice): string {
  return `${commune.name} (${commune.postalCodes.join(', ')}) — ${commune.code}`;
}

/**
 * A commune picked by name or postal code (like the territories' `CommuneSearch`, with its own
 * label so two of them can live in one form). Clearing the text clears the choice.
 */
export function CommuneField({
  label,
  hintText,
  initialText,
  chosenCode,
  error,
  onChoose,
}: {
  label: string;
  hintText?: string;
  initialText: string;
  chosenCode: string;
  error?: string | undefined;
  onChoose: (commune: CommuneChoice | null) => void;
}) {
  const [text, setText] = useState(initialText);
  const [chosen, setChosen] = useState<string>(chosenCode ? initialText || chosenCode : '');
  const communes = useCommunes(text);
  const listId = useId();
  const items = communes.data?.items ?? [];

  return (
    <>
      <Input
        label={label}
        hintText={
          hintText ??
          'Tapez au moins 2 lettres du nom ou le code postal, puis choisissez dans la liste proposée.'
        }
        nativeInputProps={{
          value: text,
          list: listId,
          autoComplete: 'off',
          onChange: (event) => {
            const value = event.target.value;
            setText(value);
            const match = items.find((commune) => optionLabel(commune) === value);
            if (match) {
              setChosen(`${match.name} (${match.code})`);
              onChoose(match);
            } else if (chosenCode) {
              setChosen('');
              onChoose(null);
            }
          },
        }}
        {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
      />
      <datalist id={listId}>
        {items.map((commune) => (
          <option key={commune.code} value={optionLabel(commune)} />
        ))}
      </datalist>
      <p className="fr-text--sm" aria-live="polite">
        {chosenCode && chosen
          ? `Commune choisie : ${chosen}.`
          : text.trim().length >= 2 && communes.isSuccess && items.length === 0
            ? `Aucune commune ne correspond à « ${text.trim()} ».`
            : ''}
      </p>
    </>
  );
}
