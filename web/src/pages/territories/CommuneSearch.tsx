import { Input } from '@codegouvfr/react-dsfr/Input';
import { useId, useState } from 'react';
import { useCommunes } from './organisations.queries';

export interface CommuneChoice {
  code: string;
  name: string;
  postalCodes: string[];
}

function optionLabel(commune: CommuneChoice): string {
  return `${commune.name} (${commune.postalCodes.join(', ')}) — ${commune.code}`;
}

/**
 * Finds a commune by name or postal code; choosing one in the suggestions fills the INSEE code
 * (and the postal code when it is the only one) through `onChoose`.
 */
export function CommuneSearch({
  initialText,
  onChoose,
}: {
  initialText: string;
  onChoose: (commune: CommuneChoice) => void;
}) {
  const [text, setText] = useState(initialText);
  const communes = useCommunes(text);
  const listId = useId();
  const items = communes.data?.items ?? [];

  return (
    <>
      <Input
        label="Rechercher la commune"
        hintText="Tapez au moins 2 lettres du nom ou le code postal, puis choisissez dans la liste proposée."
        nativeInputProps={{
          value: text,
          list: listId,
          autoComplete: 'off',
          onChange: (event) => {
            const value = event.target.value;
            setText(value);
            const chosen = items.find((commune) => optionLabel(commune) === value);
            if (chosen) onChoose(chosen);
          },
        }}
      />
      <datalist id={listId}>
        {items.map((commune) => (
          <option key={commune.code} value={optionLabel(commune)} />
        ))}
      </datalist>
      {text.trim().length >= 2 && communes.isSuccess && items.length === 0 && (
        <p className="fr-text--sm" role="status">
          Aucune commune ne correspond à « {text.trim()} ».
        </p>
      )}
    </>
  );
}
