import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import type { FieldError } from '@spie/contract';
import { type SharedItem, sharedItemLabels, sharedItems } from '@spie/contract/referrals';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { Loading } from '../../components/Loading';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { usePersonContext } from '../people/PersonLayout';
import { formatDay } from '../people/peopleFormat';
import { placesText } from './referralFormat';
import {
  type CreateReferralInput,
  useCreateReferral,
  usePersonDocuments,
  usePersonOffers,
  useService,
} from './referrals.queries';
import './referrals.css';

interface FormValues {
  sessionId: string;
  reason: string;
  consent: boolean;
}
const formPaths = ['sessionId', 'reason', 'consent'] as const;
const NO_SESSION = 'aucune';

/**
 * `/personnes/:id/prescriptions/nouvelle?service=…&session=…`: refer the person to a service (or
 * one of its sessions) with a reason, the needs it answers, what the person agrees to share and
 * their consent. A full offer with a waiting list proposes to put the person on it.
 */
export function ReferralCreatePage() {
  const { person } = usePersonContext();
  const [params] = useSearchParams();
  const serviceId = params.get('service') ?? '';
  const service = useService(serviceId);
  const offers = usePersonOffers(person.id);
  const mayReadDocuments = person.access.documents?.read === true;
  const documents = usePersonDocuments(person.id, mayReadDocuments);
  const create = useCreateReferral(person.id);
  const navigate = useNavigate();
  const [needs, setNeeds] = useState<string[]>([]);
  const [shared, setShared] = useState<SharedItem[]>(['coordonnees', 'besoins']);
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [waitingOffer, setWaitingOffer] = useState<string | null>(null);
  const waitingRef = useRef<HTMLDivElement>(null);
  const form = useForm<FormValues>({
    defaultValues: { sessionId: params.get('session') ?? '', reason: '', consent: false },
  });
  const { register, setError, formState } = form;
  const errors = formState.errors;

  useEffect(() => {
    if (waitingOffer) waitingRef.current?.focus();
  }, [waitingOffer]);

  if (!serviceId) {
    return (
      <>
        <h2>Nouvelle prescription</h2>
        <p>Aucune offre n’est choisie.</p>
        <Link to={`/personnes/${person.id}/prescriptions`}>Revenir aux offres pour cette personne</Link>
      </>
    );
  }

  const data = service.data;
  const sessions = (data?.nextSessions ?? []).filter(
    (s) => s.status !== 'annulee' && s.status !== 'terminee',
  );
  const organisation = data?.owner?.name ?? data?.structure.nom ?? 'la structure';
  const availableNeeds = offers.data?.basis.needs ?? [];
  const documentList = documents.data?.items ?? [];

  const toggle = <T extends string>(list: T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const send = async (values: FormValues, joinWaitingList: boolean) => {
    setUnmatched([]);
    const body: CreateReferralInput = {
      serviceId,
      sessionId: values.sessionId && values.sessionId !== NO_SESSION ? values.sessionId : null,
      reason: values.reason,
      needs: availableNeeds.filter((need) => needs.includes(need.theme)),
      shared,
      documentIds: shared.includes('documents') ? documentIds : [],
      consent: true,
      joinWaitingList,
    };
    try {
      const created = await create.mutateAsync(body);
      navigate(`/prescriptions/${created.id}`, {
        state: {
          referralMessage:
            created.status === 'en_liste_d_attente'
              ? 'La prescription est envoyée : la personne est sur la liste d’attente.'
              : `La prescription est envoyée à ${created.receivingOrganisation.name}.`,
        },
      });
    } catch (error) {
      if (isApiError(error) && error.code === 'referral.full_waiting_list') {
        setWaitingOffer(error.message);
        return;
      }
      setUnmatched(applyServerFieldErrors(error, setError, formPaths));
    }
  };

  const submit = form.handleSubmit(async (values) => {
    setWaitingOffer(null);
    // Every missing answer is shown at once, next to its field; the focus goes to the first one.
    const problems: [keyof FormValues, string][] = [];
    if (sessions.length > 0 && !values.sessionId) problems.push(['sessionId', 'Choisissez une session.']);
    if (values.reason.trim().length < 10)
      problems.push([
        'reason',
        'Motif : au moins 10 caractères, pour que la structure comprenne la demande.',
      ]);
    if (!values.consent)
      problems.push(['consent', 'L’accord de la personne est obligatoire pour envoyer la prescription.']);
    problems.forEach(([field, message], index) => {
      setError(field, { message }, { shouldFocus: index === 0 });
    });
    if (problems.length > 0) return;
    await send(values, false);
  });

  return (
    <>
      <h2>Nouvelle prescription</h2>
      {service.isPending && <Loading label="Chargement de l’offre…" />}
      <ApiErrorAlert error={service.error} title="L’offre n’a pas pu être chargée" />
      {data && (
        <>
          <section aria-labelledby="referral-service" className="spie-panel">
            <h3 id="referral-service" className="fr-h5">
              {data.di.nom}
            </h3>
            <p className="fr-mb-1w">
              {data.structure.nom}
              {data.structure.adresse && <> — {data.structure.adresse}</>}
            </p>
            <p className="fr-mb-1w spie-referral__text">
              {data.di.description.length > 400
                ? `${data.di.description.slice(0, 400)}…`
                : data.di.description}
            </p>
            <p className="fr-mb-1w">{placesText(data.places.free, data.places.waiting)}</p>
            <p className="fr-mb-0">
              <Link to={`/offres/services/${encodeURIComponent(serviceId)}?personne=${person.id}`}>
                Voir toute l’offre
              </Link>
            </p>
          </section>
          {data.referralBlockedReason && (
            <Alert
              className="fr-mt-3w"
              severity="warning"
              title="Cette offre ne peut pas recevoir de prescription pour le moment"
              description={data.referralBlockedReason}
            />
          )}

          <form noValidate onSubmit={submit} aria-labelledby="referral-form-title" className="fr-mt-4w">
            <h3 id="referral-form-title" className="fr-h5">
              Prescrire cette offre à {person.displayName}
            </h3>
            <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
            {!waitingOffer && (
              <ApiErrorAlert error={create.error} title="La prescription n’a pas été envoyée" />
            )}
            <FieldErrorList fields={unmatched} />
            {waitingOffer && (
              <div ref={waitingRef} tabIndex={-1} className="fr-mb-3w">
                <Alert
                  severity="warning"
                  title="Il n’y a plus de place"
                  description={
                    <>
                      <span className="spie-block">{waitingOffer}</span>
                      <span className="spie-block fr-mt-1w">
                        <Button
                          type="button"
                          disabled={create.isPending}
                          onClick={form.handleSubmit((values) => send(values, true))}
                        >
                          Inscrire sur la liste d’attente
                        </Button>
                      </span>
                    </>
                  }
                />
              </div>
            )}

            {sessions.length > 0 && (
              <RadioButtons
                legend="Session *"
                options={[
                  ...sessions.map((s) => ({
                    label: `${s.label ?? 'Session'} — du ${formatDay(s.startDate)}${s.endDate ? ` au ${formatDay(s.endDate)}` : ''}`,
                    hintText: placesText(s.free, s.waiting),
                    nativeInputProps: { ...register('sessionId'), value: s.id },
                  })),
                  {
                    label: 'Pas de session précise',
                    hintText: 'La structure proposera la session qui convient.',
                    nativeInputProps: { ...register('sessionId'), value: NO_SESSION },
                  },
                ]}
                {...fieldState(errors.sessionId)}
              />
            )}

            <Input
              textArea
              label="Pourquoi cette orientation ? *"
              hintText="Ce que la personne attend, ce que la structure doit savoir. Pas d’information de santé."
              nativeTextAreaProps={{ ...register('reason'), id: 'referral-reason', rows: 4, maxLength: 2000 }}
              {...fieldState(errors.reason)}
            />

            {availableNeeds.length > 0 && (
              <Checkbox
                legend="Besoins auxquels l’offre répond"
                hintText="D’après le dernier diagnostic de la personne."
                options={availableNeeds.map((need) => ({
                  label: need.label,
                  nativeInputProps: {
                    checked: needs.includes(need.theme),
                    onChange: (e) => setNeeds((list) => toggle(list, need.theme, e.target.checked)),
                  },
                }))}
              />
            )}

            <Checkbox
              legend="Ce que la personne accepte de partager"
              hintText="Le nom, le prénom et le motif sont toujours transmis."
              options={sharedItems.map((item) => ({
                label: sharedItemLabels[item],
                nativeInputProps: {
                  checked: shared.includes(item),
                  onChange: (e) => setShared((list) => toggle(list, item, e.target.checked)),
                },
              }))}
            />
            {shared.includes('documents') && (
              <div className="fr-ml-4w">
                {!mayReadDocuments && <p>Vous ne pouvez pas voir les documents de la personne.</p>}
                {mayReadDocuments && documents.isLoading && <Loading label="Chargement des documents…" />}
                <ApiErrorAlert error={documents.error} title="Les documents n’ont pas pu être chargés" />
                {mayReadDocuments && documents.data && documentList.length === 0 && (
                  <p>Aucun document dans le dossier.</p>
                )}
                {documentList.length > 0 && (
                  <Checkbox
                    legend="Documents à joindre (5 au plus)"
                    options={documentList.map((doc) => ({
                      label: doc.filename,
                      hintText: `Ajouté le ${formatDay(doc.uploadedAt)}`,
                      nativeInputProps: {
                        checked: documentIds.includes(doc.id),
                        disabled: !documentIds.includes(doc.id) && documentIds.length >= 5,
                        onChange: (e) => setDocumentIds((list) => toggle(list, doc.id, e.target.checked)),
                      },
                    }))}
                  />
                )}
              </div>
            )}

            <Checkbox
              legend="Accord de la personne *"
              options={[
                {
                  label: `La personne est d’accord pour que ces informations soient transmises à ${organisation}`,
                  nativeInputProps: register('consent'),
                },
              ]}
              {...fieldState(errors.consent)}
            />

            <div className="spie-actions">
              <Button type="submit" disabled={create.isPending || data.referralBlockedReason !== null}>
                {create.isPending ? 'Envoi…' : 'Envoyer la prescription'}
              </Button>
              <Link className="fr-btn fr-btn--secondary" to={`/personnes/${person.id}/prescriptions`}>
                Annuler
              </Link>
            </div>
          </form>
        </>
      )}
    </>
  );
}
