import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { buildPath, peopleRoutes } from '@spie/contract';
import {
  documentCategories,
  documentCategoryLabels,
  MAX_DOCUMENT_BYTES,
  sectionLabels,
} from '@spie/contract/people';
import { useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { usePersonContext } from './PersonLayout';
import { useDocuments, useUploadDocument } from './people.queries';
import { formatBytes, formatDay } from './peopleFormat';

const accepted = ['application/pdf', 'image/jpeg', 'image/png'];
/** Letters to the person are produced by SPIE (orientation decisions…), never uploaded: listed, not offered. */
const uploadCategories = documentCategories.filter((category) => category !== 'letter');

/** The file's content as base64, without the `data:…;base64,` prefix. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function DocumentsTab() {
  const { person } = usePersonContext();
  const documents = useDocuments(person.id);
  const items = documents.data?.items ?? [];
  const canUpload = person.access.documents?.write === true && !person.mergedInto;
  const [success, setSuccess] = useState<string | null>(null);

  return (
    <>
      <h2>Documents</h2>
      {documents.isPending && <Loading />}
      <ApiErrorAlert error={documents.error} title="Les documents n’ont pas pu être chargés" />
      {success && <SuccessAlert key={success + items.length} title={success} />}
      {documents.data &&
        (items.length === 0 ? (
          <p className="spie-empty-state">Aucun document pour le moment.</p>
        ) : (
          <DataTable
            caption="Documents de la personne"
            headers={['Document', 'Catégorie', 'Déposé le', 'Par', 'Conservé jusqu’au']}
            rows={items.map((document) => ({
              key: document.id,
              cells: [
                <span key="file">
                  <a
                    className="spie-break"
                    href={buildPath(peopleRoutes.downloadDocument.path, { id: document.id })}
                    download={document.filename}
                  >
                    {document.filename}
                  </a>
                  <span className="spie-block fr-text--xs fr-mb-0">
                    {document.contentType === 'application/pdf'
                      ? 'PDF'
                      : document.contentType === 'image/png'
                        ? 'PNG'
                        : 'JPEG'}{' '}
                    – {formatBytes(document.sizeBytes)}
                    {document.section !== 'documents' && <> – {sectionLabels[document.section]}</>}
                  </span>
                </span>,
                documentCategoryLabels[document.category],
                formatDay(document.uploadedAt),
                document.uploadedByName ?? '—',
                document.retentionUntil ? formatDay(document.retentionUntil) : 'Durée du dossier',
              ],
            }))}
          />
        ))}
      {canUpload && <UploadForm personId={person.id} onUploaded={setSuccess} />}
    </>
  );
}

function UploadForm({ personId, onUploaded }: { personId: string; onUploaded: (message: string) => void }) {
  const upload = useUploadDocument(personId);
  const [category, setCategory] = useState('');
  const [retention, setRetention] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ category?: string; file?: string }>({});
  const fileRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  return (
    <form
      ref={formRef}
      noValidate
      className="fr-mt-4w"
      aria-labelledby="upload-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const next: typeof errors = {};
        if (!category) next.category = 'Choisissez la catégorie du document.';
        if (!file) next.file = 'Choisissez un fichier.';
        else if (!accepted.includes(file.type))
          next.file = 'Format non accepté : PDF, JPEG ou PNG seulement.';
        else if (file.size > MAX_DOCUMENT_BYTES) next.file = 'Fichier trop volumineux : 10 Mo au plus.';
        setErrors(next);
        if (next.category) {
          document.getElementById('upload-category')?.focus();
          return;
        }
        if (next.file || !file) {
          fileRef.current?.focus();
          return;
        }
        try {
          const contentBase64 = await readAsBase64(file);
          await upload.mutateAsync({
            category: category as (typeof uploadCategories)[number],
            filename: file.name,
            contentBase64,
            retentionUntil: retention || null,
          });
          formRef.current?.reset();
          setCategory('');
          setRetention('');
          setFile(null);
          onUploaded(`Le document « ${file.name} » est déposé.`);
        } catch {
          // Shown below.
        }
      }}
    >
      <h3 id="upload-title" className="fr-h5">
        Déposer un document
      </h3>
      <ApiErrorAlert error={upload.error} title="Le document n’a pas été déposé" />
      <Select
        label="Catégorie *"
        nativeSelectProps={{
          id: 'upload-category',
          value: category,
          onChange: (e) => setCategory(e.target.value),
        }}
        {...(errors.category ? { state: 'error' as const, stateRelatedMessage: errors.category } : {})}
      >
        <option value="" disabled>
          Choisir une catégorie
        </option>
        {uploadCategories.map((value) => (
          <option key={value} value={value}>
            {documentCategoryLabels[value]}
          </option>
        ))}
      </Select>
      <Upload
        className="fr-mb-3w"
        label="Fichier *"
        hint="Formats acceptés : PDF, JPEG ou PNG. Taille maximale : 10 Mo."
        nativeInputProps={{
          ref: fileRef,
          accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
          onChange: (event) => setFile(event.target.files?.[0] ?? null),
        }}
        {...(errors.file ? { state: 'error' as const, stateRelatedMessage: errors.file } : {})}
      />
      <Input
        label="À conserver jusqu’au (facultatif)"
        hintText="Laissez vide pour suivre la durée de conservation du dossier."
        nativeInputProps={{ type: 'date', value: retention, onChange: (e) => setRetention(e.target.value) }}
      />
      <Button type="submit" priority="secondary" iconId="fr-icon-upload-line" disabled={upload.isPending}>
        {upload.isPending ? 'Envoi en cours…' : 'Déposer le document'}
      </Button>
    </form>
  );
}
