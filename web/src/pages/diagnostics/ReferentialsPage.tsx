import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { FieldError } from '@spie/contract';
import {
  type ConstraintFamily,
  cafMappingContent,
  constraintFamilies,
  constraintFamilyLabels,
  constraintSituationsContent,
  impactLevelLabels,
  type ProfessionalAxis,
  professionalAxes,
  professionalAxisLabels,
  referentialKindLabels,
  thematiqueMappingContent,
} from '@spie/contract/diagnostics';
import { useState } from 'react';
import { type FieldPath, type UseFormReturn, useFieldArray, useForm } from 'react-hook-form';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { fieldState } from '../../components/fieldState';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useSession } from '../auth/auth.queries';
import { ActionPlanReferentialSection } from './ActionPlanReferentialSection';
import { type SituationLists, useReferential } from './diagnostics.queries';
import { VersionLine } from './ReferentialVersionLine';
import { codeFromLabel } from './referentialCode';
import thematiqueLabels from './thematiqueLabels.json';
import { ReferentialPublishAlerts, useReferentialPublish } from './useReferentialPublish';

const title = 'Listes de référence du diagnostic et du plan d’action';

/**
 * The territory's reference lists for the common diagnostic: the concrete situations of each
 * constraint family (editable by the territory's administrators, each save publishes a new
 * version) and the two national correspondences, shown for information.
 */
export function ReferentialsPage() {
  const role = useSession().data?.activeMembership?.role;
  return (
    <>
      <PageBreadcrumb current={title} />
      <PageHeading title={title} />
      <p>
        Ces listes servent au diagnostic commun et aux plans d’action de toutes les structures du territoire.
        Chaque enregistrement publie une nouvelle version. Une situation retirée n’est plus proposée dans les
        nouveaux diagnostics, mais reste lisible dans ceux où elle a été cochée ; un libellé modifié s’affiche
        partout, y compris dans les diagnostics déjà validés.
      </p>
      <SituationsSection editable={role === 'territory_admin'} />
      <ActionPlanReferentialSection editable={role === 'territory_admin'} />
      <ThematiqueSection />
      <CafSection />
    </>
  );
}

// --- Concrete situations (editable) ---------------------------------------------------------------

interface EditableItem {
  code: string;
  label: string;
  retired: boolean;
  isNew: boolean;
}
interface SituationsValues {
  families: Record<ConstraintFamily, EditableItem[]>;
}

export { codeFromLabel };

function SituationsSection({ editable }: { editable: boolean }) {
  const referential = useReferential('constraint_situations');
  const [published, setPublished] = useState<number | null>(null);
  const data = referential.data;
  const parsed = data ? constraintSituationsContent.safeParse(data.content) : null;

  return (
    <section aria-labelledby="situations-title" className="fr-mb-6w">
      <h2 id="situations-title">{referentialKindLabels.constraint_situations}</h2>
      {referential.isPending && <Loading label="Chargement de la liste…" />}
      <ApiErrorAlert error={referential.error} title="La liste n’a pas pu être chargée" />
      {published !== null && <SuccessAlert key={published} title={`Version ${published} publiée`} />}
      {data && <VersionLine referential={data} />}
      {parsed && !parsed.success && (
        <p className="fr-error-text">Le contenu de cette liste n’a pas pu être lu.</p>
      )}
      {data && parsed?.success && (
        <SituationsForm
          key={data.version}
          version={data.version}
          families={parsed.data.families as SituationLists}
          editable={editable}
          onPublished={(version) => setPublished(version)}
          onReload={() => {
            setPublished(null);
            void referential.refetch();
          }}
        />
      )}
    </section>
  );
}

function SituationsForm({
  version,
  families,
  editable,
  onPublished,
  onReload,
}: {
  version: number;
  families: SituationLists;
  editable: boolean;
  onPublished: (version: number) => void;
  onReload: () => void;
}) {
  const form = useForm<SituationsValues>({
    defaultValues: {
      families: Object.fromEntries(
        constraintFamilies.map((f) => [f, families[f].map((item) => ({ ...item, isNew: false }))]),
      ) as SituationsValues['families'],
    },
  });
  const { publish, serverError, unmatched, conflict } = useReferentialPublish('constraint_situations');

  const place = (issues: FieldError[]): FieldError[] => {
    const rest: FieldError[] = [];
    let first = true;
    for (const issue of issues) {
      const m = /^families\.(\w+)\.(\d+)\.(label|code)/.exec(issue.path);
      if (m) {
        form.setError(
          `families.${m[1]}.${m[2]}.label` as FieldPath<SituationsValues>,
          {
            type: 'validation',
            message: issue.message,
          },
          { shouldFocus: first },
        );
        first = false;
      } else rest.push(issue);
    }
    return rest;
  };

  const submit = form.handleSubmit(async (values) => {
    const content = {
      families: Object.fromEntries(
        constraintFamilies.map((f) => [
          f,
          values.families[f].map(({ code, label, retired }) => ({ code, label: label.trim(), retired })),
        ]),
      ),
    };
    await publish(constraintSituationsContent, content, version, place, onPublished);
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="situations-title">
      <ReferentialPublishAlerts
        serverError={serverError}
        conflict={conflict}
        unmatched={unmatched}
        onReload={onReload}
      />
      {!editable && (
        <p className="fr-text--sm">
          Seul·es les administrateur·rices du territoire peuvent modifier cette liste.
        </p>
      )}
      {constraintFamilies.map((family) => (
        <FamilyEditor key={family} family={family} form={form} editable={editable} />
      ))}
      {editable && (
        <Button type="submit" iconId="fr-icon-upload-line" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Publication…' : 'Publier une nouvelle version'}
        </Button>
      )}
    </form>
  );
}

function FamilyEditor({
  family,
  form,
  editable,
}: {
  family: ConstraintFamily;
  form: UseFormReturn<SituationsValues>;
  editable: boolean;
}) {
  const items = useFieldArray({ control: form.control, name: `families.${family}` });
  const [newLabel, setNewLabel] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const name = constraintFamilyLabels[family];
  const errors = form.formState.errors.families?.[family];

  const add = () => {
    const label = newLabel.trim();
    if (label.length < 2) {
      setAddError('Libellé : au moins 2 caractères.');
      return;
    }
    const current = form.getValues(`families.${family}`);
    if (
      current.some(
        (item) => item.label.trim().toLocaleLowerCase('fr-FR') === label.toLocaleLowerCase('fr-FR'),
      )
    ) {
      setAddError('Cette situation est déjà dans la liste.');
      return;
    }
    const code = codeFromLabel(label, new Set(current.map((item) => item.code)));
    items.append({ code, label, retired: false, isNew: true }, { shouldFocus: false });
    setNewLabel('');
    setAddError(null);
    setAnnounce(`Situation ajoutée : ${label}. Publiez une nouvelle version pour l’enregistrer.`);
  };

  return (
    <section aria-labelledby={`famille-${family}`} className="fr-mb-5w">
      <h3 id={`famille-${family}`} className="fr-h5">
        {name}
      </h3>
      {!editable ? (
        <ul>
          {items.fields.map((item) => (
            <li key={item.id}>
              {item.label}
              {item.retired && ' (retirée)'}
            </li>
          ))}
        </ul>
      ) : (
        <>
          {items.fields.map((item, index) => (
            <fieldset key={item.id} className="fr-fieldset fr-mb-1w">
              <legend className="fr-fieldset__legend fr-text--regular">
                {name} — situation {index + 1} (code {item.code})
                {item.isNew && (
                  <>
                    {' '}
                    <Badge small severity="new">
                      Nouvelle
                    </Badge>
                  </>
                )}
              </legend>
              <div className="fr-fieldset__element">
                <Input
                  label="Libellé"
                  nativeInputProps={{
                    ...form.register(`families.${family}.${index}.label`),
                    autoComplete: 'off',
                  }}
                  {...fieldState(errors?.[index]?.label)}
                />
              </div>
              <div className="fr-fieldset__element">
                <Checkbox
                  small
                  options={[
                    {
                      label: 'Retirée : n’est plus proposée dans les nouveaux diagnostics',
                      nativeInputProps: form.register(`families.${family}.${index}.retired`),
                    },
                  ]}
                />
              </div>
            </fieldset>
          ))}
          <div className="fr-mt-2w">
            <Input
              label={`Nouvelle situation pour « ${name} » (facultatif)`}
              hintText="Son code est créé à partir du libellé. Elle sera proposée après la publication."
              nativeInputProps={{
                value: newLabel,
                autoComplete: 'off',
                maxLength: 120,
                onChange: (event) => setNewLabel(event.target.value),
                onKeyDown: (event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    add();
                  }
                },
              }}
              {...(addError ? { state: 'error' as const, stateRelatedMessage: addError } : {})}
            />
            <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={add}>
              Ajouter à la liste « {name} »
            </Button>
            <p role="status" className="fr-sr-only">
              {announce}
            </p>
          </div>
        </>
      )}
    </section>
  );
}

// --- The two correspondences (read-only) ----------------------------------------------------------

const thematiques = thematiqueLabels as Record<string, string>;

function ThematiqueList({ codes }: { codes: string[] }) {
  return (
    <ul className="spie-plain-list">
      {codes.map((code) => (
        <li key={code}>{thematiques[code] ?? code}</li>
      ))}
    </ul>
  );
}

function ThematiqueSection() {
  const referential = useReferential('thematique_mapping');
  const data = referential.data;
  const parsed = data ? thematiqueMappingContent.safeParse(data.content) : null;
  return (
    <section aria-labelledby="thematiques-title" className="fr-mb-6w">
      <h2 id="thematiques-title">{referentialKindLabels.thematique_mapping}</h2>
      <p>
        Chaque famille de freins et chaque axe professionnel correspond à des thématiques du référentiel
        data·inclusion : un besoin repéré au diagnostic mène aux offres de ces thématiques.
      </p>
      {referential.isPending && <Loading label="Chargement de la correspondance…" />}
      <ApiErrorAlert error={referential.error} title="La correspondance n’a pas pu être chargée" />
      {data && <VersionLine referential={data} />}
      {parsed && !parsed.success && (
        <p className="fr-error-text">Le contenu de cette correspondance n’a pas pu être lu.</p>
      )}
      {parsed?.success && (
        <>
          <DataTable
            caption="Familles de freins et thématiques data·inclusion"
            headers={['Famille de freins', 'Thématiques data·inclusion']}
            rows={constraintFamilies.map((family) => ({
              key: family,
              cells: [
                constraintFamilyLabels[family],
                <ThematiqueList key="t" codes={parsed.data.constraints[family] ?? []} />,
              ],
            }))}
          />
          <DataTable
            caption="Axes professionnels et thématiques data·inclusion"
            headers={['Axe professionnel', 'Thématiques data·inclusion']}
            rows={professionalAxes.map((axis: ProfessionalAxis) => ({
              key: axis,
              cells: [
                professionalAxisLabels[axis],
                <ThematiqueList key="t" codes={parsed.data.axes[axis] ?? []} />,
              ],
            }))}
          />
        </>
      )}
    </section>
  );
}

function CafSection() {
  const referential = useReferential('caf_mapping');
  const situations = useReferential('constraint_situations');
  const data = referential.data;
  const parsed = data ? cafMappingContent.safeParse(data.content) : null;
  const lists = situations.data ? constraintSituationsContent.safeParse(situations.data.content) : null;
  const situationLabel = (family: ConstraintFamily, code: string) =>
    (lists?.success ? lists.data.families[family].find((item) => item.code === code)?.label : undefined) ??
    code;

  return (
    <section aria-labelledby="caf-title" className="fr-mb-6w">
      <h2 id="caf-title">{referentialKindLabels.caf_mapping}</h2>
      <p>
        Lors de la demande de RSA, la CAF recueille des informations socio-professionnelles. Quand un
        diagnostic part des données CAF, chaque code pré-remplit la famille de freins et la situation
        indiquées ici.
      </p>
      {referential.isPending && <Loading label="Chargement de la correspondance…" />}
      <ApiErrorAlert error={referential.error} title="La correspondance n’a pas pu être chargée" />
      {data && <VersionLine referential={data} />}
      {parsed && !parsed.success && (
        <p className="fr-error-text">Le contenu de cette correspondance n’a pas pu être lu.</p>
      )}
      {parsed?.success && (
        <DataTable
          caption="Codes socio-professionnels CAF et familles de freins"
          headers={[
            'Code CAF',
            'Valeur',
            'Signification',
            'Famille de freins',
            'Situation',
            'Impact proposé',
          ]}
          rows={parsed.data.codes.map((entry) => ({
            key: `${entry.code}-${entry.value}`,
            cells: [
              entry.code,
              entry.value,
              entry.label,
              entry.family ? constraintFamilyLabels[entry.family] : 'Aucune (pas de difficulté)',
              entry.family && entry.situation ? situationLabel(entry.family, entry.situation) : '—',
              entry.family ? impactLevelLabels[entry.impact] : '—',
            ],
          }))}
        />
      )}
    </section>
  );
}
