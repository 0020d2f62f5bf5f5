import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useId, useState } from 'react';
import { useCommunes } from '../territories/organisations.queries';

export interface ChosenCommune {
  code: string;
  name: string;
}

function optionLabel(commune: { code: string; name: string; postalCodes: string[] }): string {
  return `${commune.name} (${commune.postalCodes.join(', ')}) — ${commune.code}`;
}

/**
 * Several communes, found by name or postal code: each one chosen in the suggestions is added to
 * the list below, with a button to remove it. An empty list means the whole territory.
 */
export function CommunePicker({
  chosen,
  onChange,
}: {
  chosen: ChosenCommune[];
  onChange: (communes: ChosenCommune[]) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [said, setSaid] = useState('');
  const communes = useCommunes(text);
  const items = communes.data?.items ?? [];

  return (
    <div className="fr-mb-3w">
      <Input
        className="fr-mb-1w"
        label="Communes (facultatif)"
        hintText="Laissez vide pour tout le territoire. Sinon, tapez au moins 2 lettres du nom ou le code postal, puis choisissez la commune dans la liste proposée. Recommencez pour en ajouter une autre."
        nativeInputProps={{
          id: `${id}-search`,
          value: text,
          list: `${id}-list`,
          autoComplete: 'off',
          onChange: (event) => {
            const value = event.target.value;
            const match = items.find((commune) => optionLabel(commune) === value);
            if (match) {
              if (!chosen.some((c) => c.code === match.code))
                onChange([...chosen, { code: match.code, name: match.name }]);
              setSaid(`${match.name} est ajoutée.`);
              setText('');
            } else {
              setText(value);
            }
          },
        }}
      />
      <datalist id={`${id}-list`}>
        {items.map((commune) => (
          <option key={commune.code} value={optionLabel(commune)} />
        ))}
      </datalist>
      <p className="fr-text--sm fr-mb-1w" aria-live="polite">
        {text.trim().length >= 2 && communes.isSuccess && items.length === 0
          ? `Aucune commune ne correspond à « ${text.trim()} ».`
          : said}
      </p>
      {chosen.length === 0 ? (
        <p className="fr-text--sm">Communes choisies : aucune (tout le territoire).</p>
      ) : (
        <>
          <p className="fr-text--sm fr-mb-1w" id={`${id}-chosen`}>
            Communes choisies :
          </p>
          <ul className="spie-plain-list spie-chosen-list" aria-labelledby={`${id}-chosen`}>
            {chosen.map((commune) => (
              <li key={commune.code}>
                <span>
                  {commune.name} ({commune.code})
                </span>
                <Button
                  type="button"
                  size="small"
                  priority="tertiary no outline"
                  iconId="fr-icon-close-line"
                  onClick={() => {
                    onChange(chosen.filter((c) => c.code !== commune.code));
                    setSaid(`${commune.name} est retirée.`);
                    // The button disappears: keep the focus in the field.
                    document.getElementById(`${id}-search`)?.focus();
                  }}
                >
                  Retirer<span className="fr-sr-only"> {commune.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
