import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import { alertRules, ruleParamsSchema } from '@spie/contract/review';
import { settingLabels } from '@spie/contract/territories';
import { useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { plural } from '../people/peopleFormat';
import { SeverityBadge } from './AlertBadge';
import { useAlertRules, useRecomputeAlerts, useUpdateAlertRule } from './review.queries';
import { paramBoundsHint, recomputeSentence, splitRuleFieldErrors } from './reviewFormat';

const title = 'Règles d’alerte';
type RuleView = NonNullable<ReturnType<typeof useAlertRules>['data']>[number];

/** The territory's alert rules: what opens and closes each one, its settings, and a full recompute. */
export function AlertRulesPage() {
  const rules = useAlertRules();
  return (
    <>
      <PageBreadcrumb current={title} />
      <PageHeading title={title} />
      <p>
        Chaque règle ouvre une alerte quand la situation d’une personne le demande, et la ferme d’elle-même
        quand la situation est rétablie. Les délais ont une valeur nationale par défaut ; vous pouvez les
        adapter au territoire.
      </p>
      <RecomputeSection />
      {rules.isPending && <Loading label="Chargement des règles…" />}
      <ApiErrorAlert error={rules.error} title="Les règles n’ont pas pu être chargées" />
      {rules.data?.map((rule) => (
        <RuleSection key={rule.id} rule={rule} />
      ))}
    </>
  );
}

function RecomputeSection() {
  const recompute = useRecomputeAlerts();
  return (
    <section aria-labelledby="recompute-title" className="spie-panel">
      <h2 id="recompute-title" className="fr-h4">
        Recalculer les alertes
      </h2>
      <p>
        Les alertes sont mises à jour à chaque changement dans un dossier et recalculées chaque nuit pour tout
        le territoire. Après avoir changé un réglage, vous pouvez tout recalculer tout de suite : cela peut
        prendre quelques secondes.
      </p>
      {recompute.data && (
        <SuccessAlert
          key={`${recompute.submittedAt}`}
          title="Les alertes sont recalculées."
          description={recomputeSentence(recompute.data)}
        />
      )}
      <ApiErrorAlert error={recompute.error} title="Les alertes n’ont pas été recalculées" />
      <Button iconId="fr-icon-refresh-line" disabled={recompute.isPending} onClick={() => recompute.mutate()}>
        {recompute.isPending ? 'Recalcul en cours…' : 'Recalculer toutes les alertes maintenant'}
      </Button>
    </section>
  );
}

function RuleSection({ rule }: { rule: RuleView }) {
  const headingId = `rule-${rule.id}`;
  return (
    <section aria-labelledby={headingId} className="spie-panel">
      <h2 id={headingId} className="fr-h4 fr-mb-1w">
        {rule.label}
      </h2>
      <p>
        <SeverityBadge severity={rule.severity} />{' '}
        <span className="fr-text--sm">
          {rule.openCount === 0
            ? 'Aucune alerte ouverte.'
            : `${plural(rule.openCount, 'alerte ouverte', 'alertes ouvertes')} en ce moment.`}
        </span>
      </p>
      <dl className="spie-facts">
        <dt>Quand l’alerte s’ouvre</dt>
        <dd>{rule.condition}</dd>
        <dt>Quand elle se ferme</dt>
        <dd>{rule.resolution}</dd>
      </dl>
      {rule.params.length === 0 ? (
        <p className="fr-text--sm fr-mb-0">
          Cette règle n’a pas de réglage propre : elle suit les délais des paramètres du territoire.
        </p>
      ) : (
        <RuleParamsForm key={rule.params.map((p) => `${p.key}=${p.value}`).join('&')} rule={rule} />
      )}
    </section>
  );
}

/** The client check uses the contract's schema: the same French messages as the server's. */
function formSchemaOf(rule: RuleView) {
  const declared = alertRules.find((r) => r.id === rule.id);
  return z.object({ params: declared ? ruleParamsSchema(declared) : z.record(z.string(), z.number()) });
}

type RuleValues = { params: Record<string, number> };

function RuleParamsForm({ rule }: { rule: RuleView }) {
  const form = useForm<RuleValues>({
    resolver: zodResolver(formSchemaOf(rule)) as Resolver<RuleValues>,
    defaultValues: { params: Object.fromEntries(rule.params.map((p) => [p.key, p.value])) },
  });
  const update = useUpdateAlertRule();
  const [saved, setSaved] = useState<number | null>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const errors = (form.formState.errors.params ?? {}) as Record<string, { message?: string } | undefined>;

  const submit = form.handleSubmit(async (values) => {
    setSaved(null);
    setUnmatched([]);
    try {
      await update.mutateAsync({ ruleId: rule.id, params: values.params });
      setSaved(Date.now());
    } catch (error) {
      const keys = rule.params.map((p) => p.key);
      const rest = applyServerFieldErrors(
        error,
        form.setError,
        keys.map((key) => `params.${key}`),
      );
      const { matched, others } = splitRuleFieldErrors(rest, keys);
      for (const [key, message] of matched) {
        form.setError(`params.${key}`, { type: 'server', message }, { shouldFocus: true });
      }
      setUnmatched(others);
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-label={`Réglages de la règle « ${rule.label} »`}>
      {saved && (
        <SuccessAlert
          key={saved}
          title={`Réglages de « ${rule.label} » enregistrés.`}
          description="Ils s’appliquent au prochain calcul des alertes : cette nuit, ou tout de suite avec « Recalculer toutes les alertes maintenant »."
        />
      )}
      <ApiErrorAlert error={update.error} title="Les réglages n’ont pas été enregistrés" />
      <FieldErrorList fields={unmatched} />
      {rule.params.map((param) => (
        <Input
          key={param.key}
          label={`${param.label} (en ${param.unit})`}
          hintText={paramBoundsHint(
            param,
            param.setting
              ? (settingLabels as Record<string, { label: string }>)[param.setting]?.label
              : undefined,
          )}
          nativeInputProps={{
            ...form.register(`params.${param.key}`, { valueAsNumber: true }),
            type: 'number',
            inputMode: 'numeric',
            step: 1,
            min: param.min,
            max: param.max,
          }}
          {...fieldState(errors[param.key])}
        />
      ))}
      <Button type="submit" disabled={update.isPending}>
        {update.isPending ? 'Enregistrement…' : 'Enregistrer'}
        <span className="fr-sr-only"> les réglages de « {rule.label} »</span>
      </Button>
    </form>
  );
}
