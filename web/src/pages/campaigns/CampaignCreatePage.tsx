import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import { appointmentTypeLabels, appointmentTypes } from '@spie/contract/appointments';
import { MAX_CAMPAIGN_PEOPLE } from '@spie/contract/campaigns';
import { type AlertRuleId, alertRuleIds, alertRules } from '@spie/contract/review';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { parisNowLocal } from '../appointments/appointmentFormat';
import { applyMappedFieldErrors } from '../appointments/mappedFieldErrors';
import { useSession } from '../auth/auth.queries';
import { useOrganisationChoices, useOrganisationProfessionals } from '../people/people.queries';
import { type ChosenCommune, CommunePicker } from './CommunePicker';
import {
  type CampaignFormOutput,
  type CampaignFormValues,
  campaignForm,
  emptySlot,
  toLaunchBody,
  toPreviewBody,
  toSelection,
} from './campaignForm';
import {
  campaignFormPath,
  defaultCampaignMessage,
  defaultCampaignName,
  newLaunchKey,
  previewSentences,
  selectionKey,
} from './campaignFormat';
import { useCampaignPreview, useLaunchCampaign } from './campaigns.queries';
import { SlotRows } from './SlotRows';
import './campaigns.css';

const title = 'Nouvelle campagne';
const formPaths = [
  'ruleIds',
  'organisationId',
  'includeSnoozed',
  'message',
  'appointmentType',
  'allowCallback',
  'name',
];
const isFormPath = (path: string) => formPaths.includes(path) || /^slots\.\d+\.[a-zA-Z]+$/.test(path);

type Preview = NonNullable<ReturnType<typeof useCampaignPreview>['data']>;

/** Rules asked in the address (`?regles=lost_contact,no_contact`), else « Perdu·e de vue ». */
function initialRules(param: string | null): AlertRuleId[] {
  const asked = (param ?? '')
    .split(',')
    .filter((id): id is AlertRuleId => (alertRuleIds as readonly string[]).includes(id));
  return asked.length > 0 ? asked : ['lost_contact'];
}

function StepTitle({ step, text, id }: { step: number; text: string; id: string }) {
  return (
    <>
      <p className="fr-text--sm fr-mb-0 spie-muted">Étape {step} sur 4</p>
      <h2 id={id}>{text}</h2>
    </>
  );
}

/**
 * `/campagnes/nouvelle`: a guided form in four steps on one page — who, the message, the slots
 * proposed, the name and the launch. Nothing is sent before « Lancer la campagne »; the launch key
 * is chosen when the page opens, so a double click or a retry creates one campaign only.
 */
export function CampaignCreatePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession().data;
  const membership = session?.activeMembership;
  const isAdmin = membership?.role === 'territory_admin';
  const [launchKey] = useState(() => newLaunchKey());
  const launching = useRef(false);
  const schema = useMemo(() => campaignForm(() => parisNowLocal()), []);
  const [rules] = useState(() => initialRules(params.get('regles')));

  const form = useForm<CampaignFormValues, unknown, CampaignFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: {
      ruleIds: rules,
      organisationId: '',
      includeSnoozed: false,
      message: defaultCampaignMessage,
      appointmentType: 'accompagnement',
      slots: [emptySlot()],
      allowCallback: true,
      name: defaultCampaignName(rules),
    },
  });
  const { register, control, formState, setError, watch, getValues, setValue, trigger } = form;
  const errors = formState.errors;
  const [communes, setCommunes] = useState<ChosenCommune[]>([]);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [gate, setGate] = useState<string | null>(null);

  const organisations = useOrganisationChoices();
  const organisationId = watch('organisationId');
  const slotsOrganisation = organisationId || membership?.organisationId;
  const professionals = useOrganisationProfessionals(slotsOrganisation);
  const professionalList = professionals.data?.items ?? [];
  const me = professionalList.some((p) => p.accountId === session?.account?.id)
    ? (session?.account?.id ?? '')
    : '';

  // The first slot is held by the manager when they receive people themselves.
  useEffect(() => {
    if (me && getValues('slots.0') && !getValues('slots.0.professionalAccountId'))
      setValue('slots.0.professionalAccountId', me);
  }, [me, getValues, setValue]);

  const preview = useCampaignPreview();
  const [shown, setShown] = useState<{ key: string; message: string; result: Preview } | null>(null);
  const message = watch('message');
  const currentSelection = toSelection({
    ruleIds: watch('ruleIds') ?? [],
    organisationId,
    includeSnoozed: watch('includeSnoozed'),
    communeCodes: communes.map((c) => c.code),
  });
  const currentKey = selectionKey(currentSelection);
  const previewFresh = shown !== null && shown.key === currentKey;

  const launch = useLaunchCampaign();

  const runPreview = async (focusId: string) => {
    setGate(null);
    if (!(await trigger('ruleIds'))) return;
    const selection = currentSelection;
    const text = getValues('message');
    try {
      const result = await preview.mutateAsync(toPreviewBody(selection, text));
      setShown({ key: selectionKey(selection), message: text, result });
      document.getElementById(focusId)?.focus();
    } catch {
      // Shown under the button.
    }
  };

  const submit = form.handleSubmit(async (values) => {
    if (launching.current) return;
    setUnmatched([]);
    if (!previewFresh || !shown) {
      setGate(
        'Avant de lancer, vérifiez combien de personnes seront invitées : cliquez sur « Voir combien de personnes » (étape 1).',
      );
      return document.getElementById('campaign-gate')?.focus();
    }
    if (shown.result.tooMany || shown.result.people === 0) {
      setGate(
        shown.result.people === 0
          ? 'Personne ne correspond à ces critères : changez les types d’alerte ou les communes (étape 1).'
          : `Trop de personnes pour une seule campagne (${MAX_CAMPAIGN_PEOPLE.toLocaleString('fr-FR')} au plus) : choisissez moins de types d’alerte ou des communes (étape 1).`,
      );
      return document.getElementById('campaign-gate')?.focus();
    }
    setGate(null);
    launching.current = true;
    try {
      const campaign = await launch.mutateAsync(
        toLaunchBody(
          values,
          communes.map((c) => c.code),
          launchKey,
        ),
      );
      navigate(`/campagnes/${campaign.id}`, { state: { launched: true } });
    } catch (error) {
      setUnmatched(applyMappedFieldErrors(error, setError, isFormPath, campaignFormPath));
    } finally {
      launching.current = false;
    }
  });

  const sending = launch.isPending || launch.isSuccess;

  return (
    <>
      <PageBreadcrumb
        current={title}
        parents={[{ label: 'Campagnes de remobilisation', to: '/campagnes' }]}
      />
      <PageHeading title={title} />
      <p>
        Quatre étapes : qui inviter, le message, les rendez-vous proposés, puis le lancement. Rien n’est
        envoyé avant que vous cliquiez sur « Lancer la campagne ».
      </p>
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>

      <form noValidate onSubmit={submit} className="spie-campaign-form">
        <section aria-labelledby="step-who" className="spie-campaign-step">
          <StepTitle step={1} id="step-who" text="Qui inviter ?" />
          <Checkbox
            legend="Personnes qui ont une alerte ouverte de type *"
            hintText="Cochez un ou plusieurs types d’alerte."
            options={alertRules.map((rule) => ({
              label: rule.label,
              hintText: rule.condition,
              nativeInputProps: { ...register('ruleIds'), value: rule.id },
            }))}
            {...fieldState(errors.ruleIds)}
          />
          {isAdmin && (
            <Select
              label="Structure des personnes invitées"
              hint="Par défaut, toutes les personnes du territoire qui ont ces alertes."
              nativeSelectProps={{ ...register('organisationId'), id: 'campaign-organisation' }}
              {...fieldState(errors.organisationId)}
            >
              <option value="">Toutes les structures du territoire</option>
              {(organisations.data?.items ?? [])
                .filter((o) => o.active)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
            </Select>
          )}
          <CommunePicker chosen={communes} onChange={setCommunes} />
          <Checkbox
            options={[
              {
                label: 'Inclure les alertes mises en pause par un professionnel',
                hintText: 'Par défaut, une personne dont l’alerte est en pause n’est pas invitée.',
                nativeInputProps: { ...register('includeSnoozed') },
              },
            ]}
          />
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-team-line"
            disabled={preview.isPending}
            onClick={() => void runPreview('campaign-preview')}
          >
            {preview.isPending ? 'Calcul en cours…' : 'Voir combien de personnes'}
          </Button>
          <ApiErrorAlert error={preview.error} title="Le nombre de personnes n’a pas pu être calculé" />
          <div id="campaign-preview" tabIndex={-1} className="spie-campaign-preview" aria-live="polite">
            {shown && (
              <>
                {!previewFresh && (
                  <p className="fr-text--bold">
                    Vous avez changé la sélection : cliquez à nouveau sur « Voir combien de personnes ».
                  </p>
                )}
                {shown.result.tooMany ? (
                  <Alert
                    className="fr-mb-2w"
                    severity="error"
                    small
                    description={`${shown.result.people.toLocaleString('fr-FR')} personnes : c’est trop pour une seule campagne (${MAX_CAMPAIGN_PEOPLE.toLocaleString('fr-FR')} au plus). Choisissez moins de types d’alerte ou des communes.`}
                  />
                ) : (
                  <ul className={previewFresh ? 'spie-plain-list' : 'spie-plain-list spie-muted'}>
                    {previewSentences(shown.result).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
        </section>

        <section aria-labelledby="step-message" className="spie-campaign-step">
          <StepTitle step={2} id="step-message" text="Message" />
          <Input
            textArea
            label="Message envoyé aux personnes *"
            hintText="Écrivez simplement, avec des mots courts. {prenom} sera remplacé par le prénom de la personne, {structure} par le nom de votre structure et {lien} par le lien pour répondre (obligatoire). 480 caractères au plus."
            nativeTextAreaProps={{ ...register('message'), id: 'campaign-message', rows: 5, maxLength: 480 }}
            {...fieldState(errors.message)}
          />
          <p className="fr-text--sm" aria-live="polite">
            {(message ?? '').length} caractères sur 480.
          </p>
          <Button
            type="button"
            priority="secondary"
            disabled={preview.isPending}
            onClick={() => void runPreview('campaign-sample')}
          >
            Voir le message reçu
          </Button>
          <div id="campaign-sample" tabIndex={-1} className="fr-mt-2w" aria-live="polite">
            {shown?.result.sample && (
              <>
                <p className="fr-mb-1w">
                  Exemple du message reçu (pour une personne prénommée Camille)
                  {shown.message !== message && ' — avant vos derniers changements'} :
                </p>
                <blockquote className="spie-campaign-sample spie-message-body">
                  {shown.result.sample}
                </blockquote>
              </>
            )}
          </div>
          <p className="fr-text--sm">
            Par courrier, la lettre reprend ce message avec l’adresse du site et un code que la personne peut
            taper pour répondre.
          </p>
        </section>

        <section aria-labelledby="step-slots" className="spie-campaign-step">
          <StepTitle step={3} id="step-slots" text="Créneaux proposés" />
          <p>
            La personne choisit un de ces créneaux avec le lien reçu. Un créneau peut recevoir plusieurs
            personnes.
          </p>
          <Select
            label="Type de rendez-vous *"
            nativeSelectProps={{ ...register('appointmentType'), id: 'campaign-type' }}
            {...fieldState(errors.appointmentType)}
          >
            {appointmentTypes.map((type) => (
              <option key={type} value={type}>
                {appointmentTypeLabels[type]}
              </option>
            ))}
          </Select>
          <ApiErrorAlert
            error={professionals.error}
            title="La liste des professionnels n’a pas pu être chargée"
          />
          <SlotRows
            control={control}
            register={register}
            errors={errors}
            professionals={professionalList}
            defaultProfessionalId={me}
            getLast={() => {
              const slots = getValues('slots');
              return slots[slots.length - 1];
            }}
          />
          <Checkbox
            className="fr-mt-3w"
            options={[
              {
                label: 'La personne peut demander à être rappelée',
                hintText:
                  'Si aucun créneau ne lui convient, elle choisit « je veux être rappelé·e » et le moment de la journée.',
                nativeInputProps: { ...register('allowCallback') },
              },
            ]}
            {...fieldState(errors.allowCallback)}
          />
        </section>

        <section aria-labelledby="step-launch" className="spie-campaign-step">
          <StepTitle step={4} id="step-launch" text="Nom et lancement" />
          <Input
            label="Nom de la campagne *"
            hintText="Pour la retrouver dans la liste des campagnes. Les personnes ne le voient pas."
            nativeInputProps={{ ...register('name'), id: 'campaign-name', maxLength: 120 }}
            {...fieldState(errors.name)}
          />
          <p>
            {shown && previewFresh && !shown.result.tooMany && shown.result.people > 0
              ? `${previewSentences(shown.result)[0] ?? ''} `
              : ''}
            Une relance part automatiquement aux personnes qui n’ont pas répondu, puis l’invitation expire.
            Vous suivrez les réponses dans le bilan de la campagne.
          </p>
          <div id="campaign-gate" tabIndex={-1}>
            {gate && <Alert className="fr-mb-3w" severity="warning" small role="alert" description={gate} />}
          </div>
          <ApiErrorAlert error={launch.error} title="La campagne n’a pas été lancée" />
          <FieldErrorList fields={unmatched} />
          {Object.keys(errors).length > 0 && formState.submitCount > 0 && (
            <p className="fr-error-text fr-mb-2w" role="alert">
              Le formulaire contient des erreurs : corrigez les champs signalés en rouge.
            </p>
          )}
          <Button type="submit" iconId="fr-icon-send-plane-line" disabled={sending}>
            {sending ? 'Lancement en cours…' : 'Lancer la campagne'}
          </Button>
        </section>
      </form>
    </>
  );
}
