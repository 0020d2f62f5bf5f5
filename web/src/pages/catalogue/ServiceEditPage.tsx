import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { FieldError } from '@spie/contract';
import {
  type DiListItem,
  diFrais,
  diModesAccueil,
  diModesMobilisation,
  diPersonnesMobilisatrices,
  diPublics,
  diThematiques,
  diTypes,
  type ServiceView,
  thematiqueCategories,
  thematiqueCategoryLabels,
} from '@spie/contract/catalogue';
import { useState } from 'react';
import { type UseFormRegister, useForm } from 'react-hook-form';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { CommuneField } from '../people/CommuneField';
import { useCreateService, useService, useStructures, useUpdateService } from './catalogue.queries';
import { qualityLabel } from './catalogueFormat';
import { ServiceManagement } from './ServiceManagement';
import {
  emptyServiceForm,
  type ServiceFormOutput,
  type ServiceFormValues,
  serviceFormPaths,
  serviceFormResolver,
  toServiceForm,
} from './serviceForm';

type ListPath =
  | 'di.thematiques'
  | 'di.publics'
  | 'di.modes_accueil'
  | 'di.modes_mobilisation'
  | 'di.mobilisable_par';

function CheckboxGroup({
  legend,
  hint,
  items,
  name,
  register,
  error,
}: {
  legend: string;
  hint?: string;
  items: readonly DiListItem[];
  name: ListPath;
  register: UseFormRegister<ServiceFormValues>;
  error?: { message?: string | undefined } | undefined;
}) {
  return (
    <Checkbox
      legend={legend}
      {...(hint ? { hintText: hint } : {})}
      small
      {...fieldState(error)}
      options={items.map((item) => ({
        label: item.label,
        nativeInputProps: { ...register(name), value: item.value },
      }))}
    />
  );
}

function ServiceForm({ service }: { service: ServiceView | null }) {
  const navigate = useNavigate();
  const structures = useStructures();
  const create = useCreateService();
  const update = useUpdateService(service?.di.id ?? '');
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(0);
  const form = useForm<ServiceFormValues, unknown, ServiceFormOutput>({
    resolver: serviceFormResolver,
    defaultValues: service ? toServiceForm(service) : emptyServiceForm,
  });
  const { register, formState, setError, setValue, watch } = form;
  const errors = formState.errors;
  const di = errors.di;
  const communeName = watch('di.commune');
  const communeCode = watch('di.code_insee');

  const submit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      if (service) {
        await update.mutateAsync({ ...body, revision: service.revision });
        setSaved((n) => n + 1);
      } else {
        const created = await create.mutateAsync(body);
        navigate(`/offres/gestion/services/${encodeURIComponent(created.di.id)}`, {
          state: { created: true },
        });
      }
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, setError, serviceFormPaths));
    }
  });
  const mutation = service ? update : create;
  const text = (name: keyof ServiceFormValues['di'], label: string, hint?: string, textArea = false) => {
    const props = { ...register(`di.${name}`) };
    return textArea ? (
      <Input
        label={label}
        {...(hint ? { hintText: hint } : {})}
        textArea
        nativeTextAreaProps={props}
        {...fieldState(di?.[name] as { message?: string } | undefined)}
      />
    ) : (
      <Input
        label={label}
        {...(hint ? { hintText: hint } : {})}
        nativeInputProps={props}
        {...fieldState(di?.[name] as { message?: string } | undefined)}
      />
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={service ? 'Modifier le service' : 'Nouveau service'}>
      {saved > 0 && <SuccessAlert key={saved} title="Les modifications sont enregistrées." />}
      <ApiErrorAlert error={mutation.error} title="Le service n’a pas pu être enregistré" />
      <FieldErrorList fields={unmatched} />

      <h2>Présentation</h2>
      <Select
        label="Structure qui propose le service"
        nativeSelectProps={register('di.structure_id')}
        {...fieldState(di?.structure_id)}
      >
        <option value="">Choisissez une structure</option>
        {(structures.data?.items ?? []).map((s) => (
          <option key={s.di.id} value={s.di.id}>
            {s.di.nom}
            {s.di.commune ? ` — ${s.di.commune}` : ''}
          </option>
        ))}
      </Select>
      {text('nom', 'Nom du service', 'Un nom court et clair, par exemple « Permis de conduire solidaire ».')}
      {text(
        'description',
        'Description',
        'Ce que la personne fera, ce que le service apporte (200 caractères au moins conseillés).',
        true,
      )}
      <Select label="Type de service" nativeSelectProps={register('di.type')} {...fieldState(di?.type)}>
        <option value="">Non précisé</option>
        {diTypes.map((item) => (
          <option key={item.value} value={item.value}>
            {item.label}
          </option>
        ))}
      </Select>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Thématiques</legend>
        {di?.thematiques && <p className="fr-error-text fr-mb-2w">{di.thematiques.message}</p>}
        {thematiqueCategories.map((category) => (
          <div key={category} className="fr-fieldset__element">
            <CheckboxGroup
              legend={thematiqueCategoryLabels[category]}
              items={diThematiques.filter((t) => t.value.startsWith(`${category}--`))}
              name="di.thematiques"
              register={register}
            />
          </div>
        ))}
      </fieldset>

      <h2>Pour qui</h2>
      <CheckboxGroup
        legend="Publics"
        items={diPublics}
        name="di.publics"
        register={register}
        error={di?.publics}
      />
      {text('publics_precisions', 'Précisions sur les publics', undefined, true)}
      {text(
        'conditions_acces',
        'Conditions d’accès',
        'Par exemple : avoir 18 ans, être inscrit à France Travail.',
        true,
      )}
      {text(
        'zone_eligibilite',
        'Zone où le service est ouvert',
        'Codes INSEE de communes, codes de départements (93) ou « france », séparés par des virgules.',
      )}

      <h2>Où</h2>
      <CheckboxGroup
        legend="Mode d’accueil"
        items={diModesAccueil}
        name="di.modes_accueil"
        register={register}
        error={di?.modes_accueil}
      />
      {text('adresse', 'Adresse')}
      {text('complement_adresse', 'Complément d’adresse')}
      <CommuneField
        label="Commune"
        initialText={communeName}
        chosenCode={communeCode}
        error={di?.code_insee?.message ?? di?.commune?.message}
        onChoose={(choice) => {
          setValue('di.commune', choice?.name ?? '');
          setValue('di.code_insee', choice?.code ?? '');
          setValue('di.code_postal', choice?.postalCodes.length === 1 ? (choice.postalCodes[0] ?? '') : '');
        }}
      />
      {text('code_postal', 'Code postal')}
      {text('horaires_accueil', 'Horaires d’accueil', 'Par exemple : du lundi au vendredi, 9 h – 12 h.')}
      <div className="spie-filters">
        {text(
          'latitude',
          'Latitude (facultatif)',
          'Sans latitude, la distance est mesurée depuis le centre de la commune.',
        )}
        {text('longitude', 'Longitude (facultatif)')}
      </div>

      <h2>Comment y accéder</h2>
      <CheckboxGroup
        legend="Comment faire une demande"
        items={diModesMobilisation}
        name="di.modes_mobilisation"
        register={register}
        error={di?.modes_mobilisation}
      />
      <CheckboxGroup
        legend="Qui peut faire la demande"
        items={diPersonnesMobilisatrices}
        name="di.mobilisable_par"
        register={register}
        error={di?.mobilisable_par}
      />
      {text('mobilisation_precisions', 'Précisions sur la demande', undefined, true)}
      {text('lien_mobilisation', 'Lien pour faire la demande', 'Adresse web complète (https://…).')}
      <Select label="Frais" nativeSelectProps={register('di.frais')} {...fieldState(di?.frais)}>
        <option value="">Non précisé</option>
        {diFrais.map((item) => (
          <option key={item.value} value={item.value}>
            {item.label}
          </option>
        ))}
      </Select>
      {text(
        'frais_precisions',
        'Précisions sur les frais',
        'Obligatoire si le service est payant : combien, qui paie.',
        true,
      )}

      <h2>Contact</h2>
      {text('contact_nom_prenom', 'Nom et prénom du contact')}
      {text('telephone', 'Téléphone')}
      {text('courriel', 'Courriel')}
      {text('lien_source', 'Page web du service')}

      <h2>Durée</h2>
      <div className="spie-filters">
        {text('volume_horaire_hebdomadaire', 'Heures par semaine')}
        {text('nombre_semaines', 'Nombre de semaines')}
      </div>

      <h2>Places et prescriptions</h2>
      <Input
        label="Nombre de places"
        hintText="Laissez vide si le service ne compte pas de places ou si les places sont comptées par session."
        nativeInputProps={{ ...register('spie.capacity'), inputMode: 'numeric' }}
        {...fieldState(errors.spie?.capacity)}
      />
      <Checkbox
        options={[
          {
            label: 'Accepte les prescriptions par SPIE',
            hintText: 'Les professionnels peuvent prescrire ce service depuis le dossier d’une personne.',
            nativeInputProps: register('spie.acceptsReferrals'),
          },
          {
            label: 'Liste d’attente quand c’est complet',
            nativeInputProps: register('spie.waitingListEnabled'),
          },
        ]}
      />
      <Input
        label="Contact pour les prescriptions : nom"
        nativeInputProps={register('spie.referralContact.name')}
        {...fieldState(errors.spie?.referralContact?.name)}
      />
      <Input
        label="Contact pour les prescriptions : courriel"
        hintText="Si votre structure n’a pas de compte SPIE, un lien pour répondre est envoyé à cette adresse."
        nativeInputProps={{ ...register('spie.referralContact.email'), type: 'email' }}
        {...fieldState(errors.spie?.referralContact?.email)}
      />
      <Input
        label="Contact pour les prescriptions : téléphone"
        nativeInputProps={register('spie.referralContact.phone')}
        {...fieldState(errors.spie?.referralContact?.phone)}
      />
      <div className="spie-actions">
        <Button type="submit" disabled={mutation.isPending}>
          {service ? 'Enregistrer les modifications' : 'Créer le service (brouillon)'}
        </Button>
        <Link className="fr-btn fr-btn--tertiary" to="/offres/gestion">
          Retour à mes offres
        </Link>
      </div>
    </form>
  );
}

/**
 * `/offres/gestion/nouveau` and `/offres/gestion/services/:id`: every data·inclusion field in plain
 * French sections, then SPIE's places and prescriptions; for an existing service, its publication,
 * sessions and waiting list.
 */
export function ServiceEditPage() {
  const { id } = useParams();
  const location = useLocation();
  const service = useService(id);
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const title = id ? `Modifier : ${service.data?.di.nom ?? 'service'}` : 'Nouveau service';

  return (
    <>
      <PageBreadcrumb current={title} parents={[{ label: 'Mes offres', to: '/offres/gestion' }]} />
      <PageHeading title={title} />
      {created && (
        <SuccessAlert
          title="Le service est créé en brouillon."
          description="Ajoutez ses sessions si besoin, puis publiez-le pour qu’il apparaisse dans la recherche."
        />
      )}
      {!id && <ServiceForm service={null} />}
      {id && service.isPending && <Loading />}
      <ApiErrorAlert error={service.error} title="Le service n’a pas pu être chargé" />
      {id && service.data && (
        <>
          <p>
            <Link to={`/offres/services/${encodeURIComponent(service.data.di.id)}`}>
              Voir la fiche publique
            </Link>
            {' — '}
            <span className="spie-muted">{qualityLabel(service.data.quality.score)}</span>
          </p>
          <ServiceManagement service={service.data} />
          <h2 className="fr-mt-4w">Description du service</h2>
          <ServiceForm key={service.data.revision} service={service.data} />
        </>
      )}
    </>
  );
}
