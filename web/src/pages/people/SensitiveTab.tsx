import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { sensitiveCategories, sensitiveCategoryLabels } from '@spie/contract/people';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { usePersonContext } from './PersonLayout';
import { useAddSensitiveNote, useSensitiveNotes } from './people.queries';

/** Health, justice, violence: shared only among professionals bound by secrecy or with consent (domain §8). */
export function SensitiveTab() {
  const { person } = usePersonContext();
  const canRead = person.access.sensitive?.read === true;
  const notes = useSensitiveNotes(person.id, canRead);
  const items = notes.data?.items ?? [];
  const [success, setSuccess] = useState<string | null>(null);

  return (
    <>
      <h2>Informations sensibles</h2>
      <p>
        Santé, justice, violences : ces informations ne sont visibles que des professionnels tenus au secret
        de l’équipe, ou des structures que la personne a autorisées.
      </p>
      {notes.isPending && <Loading />}
      <ApiErrorAlert error={notes.error} title="Les informations sensibles n’ont pas pu être chargées" />
      {success && <SuccessAlert key={success + items.length} title={success} />}
      {notes.data &&
        (items.length === 0 ? (
          <p className="spie-empty-state">Aucune information sensible enregistrée.</p>
        ) : (
          <ul className="spie-plain-list">
            {items.map((note) => (
              <li key={note.id} className="spie-member">
                <p className="fr-text--sm fr-mb-1v">
                  <strong>{sensitiveCategoryLabels[note.category]}</strong> —{' '}
                  <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
                  {note.authorName && <>, {note.authorName}</>}
                  {note.organisationName && <> ({note.organisationName})</>}
                </p>
                <p className="spie-message-body fr-mb-0">{note.text}</p>
              </li>
            ))}
          </ul>
        ))}
      {person.access.sensitive?.write === true && <AddNoteForm personId={person.id} onDone={setSuccess} />}
    </>
  );
}

function AddNoteForm({ personId, onDone }: { personId: string; onDone: (message: string) => void }) {
  const add = useAddSensitiveNote(personId);
  const [category, setCategory] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ category?: string; text?: string }>({});

  return (
    <form
      noValidate
      className="fr-mt-4w"
      aria-labelledby="sensitive-form-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const next: typeof errors = {};
        if (!category) next.category = 'Choisissez la catégorie.';
        if (!text.trim()) next.text = 'Écrivez l’information.';
        else if (text.trim().length > 1000) next.text = 'Texte : 1 000 caractères au plus.';
        setErrors(next);
        if (next.category || next.text) {
          document.getElementById(next.category ? 'sensitive-category' : 'sensitive-text')?.focus();
          return;
        }
        try {
          await add.mutateAsync({
            category: category as (typeof sensitiveCategories)[number],
            text: text.trim(),
          });
          setCategory('');
          setText('');
          onDone('L’information est enregistrée.');
        } catch {
          // Shown below.
        }
      }}
    >
      <h3 id="sensitive-form-title" className="fr-h5">
        Ajouter une information sensible
      </h3>
      <ApiErrorAlert error={add.error} title="L’information n’a pas été enregistrée" />
      <Select
        label="Catégorie *"
        nativeSelectProps={{
          id: 'sensitive-category',
          value: category,
          onChange: (e) => setCategory(e.target.value),
        }}
        {...(errors.category ? { state: 'error' as const, stateRelatedMessage: errors.category } : {})}
      >
        <option value="" disabled>
          Choisir une catégorie
        </option>
        {sensitiveCategories.map((value) => (
          <option key={value} value={value}>
            {sensitiveCategoryLabels[value]}
          </option>
        ))}
      </Select>
      <Input
        textArea
        label="Information *"
        hintText="Uniquement ce qui est strictement nécessaire à l’accompagnement. Pas de diagnostic médical détaillé. 1 000 caractères au plus."
        nativeTextAreaProps={{
          id: 'sensitive-text',
          rows: 4,
          maxLength: 1000,
          value: text,
          onChange: (e) => setText(e.target.value),
        }}
        {...(errors.text ? { state: 'error' as const, stateRelatedMessage: errors.text } : {})}
      />
      <Button type="submit" priority="secondary" disabled={add.isPending}>
        Enregistrer l’information
      </Button>
    </form>
  );
}
