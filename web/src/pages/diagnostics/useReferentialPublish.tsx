import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FieldError } from '@spie/contract';
import type { ReferentialKind } from '@spie/contract/diagnostics';
import { useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { useUpdateReferential } from './diagnostics.queries';

/**
 * Publishing a new version of a reference list: the content is checked against the contract's
 * schema first, then sent with the version it was edited from. Problems (the schema's or the
 * server's) go to `place`, which puts each under its field and hands back the others.
 */
export function useReferentialPublish(kind: ReferentialKind) {
  const update = useUpdateReferential(kind);
  const [serverError, setServerError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const conflict = isApiError(serverError) && serverError.kind === 'conflict';

  const publish = async (
    schema: z.ZodType<Record<string, unknown>>,
    content: unknown,
    version: number,
    place: (issues: FieldError[]) => FieldError[],
    onPublished: (version: number) => void,
  ) => {
    setServerError(null);
    setUnmatched([]);
    const checked = schema.safeParse(content);
    if (!checked.success) {
      setUnmatched(
        place(checked.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))),
      );
      return;
    }
    try {
      const saved = await update.mutateAsync({ content: checked.data, expectedVersion: version });
      onPublished(saved.version);
    } catch (error) {
      setServerError(error);
      if (isApiError(error))
        setUnmatched(
          place(error.fields.map((f) => ({ path: f.path.replace(/^content\./, ''), message: f.message }))),
        );
    }
  };

  return { publish, serverError, unmatched, conflict };
}

/** What went wrong with the last publication: a colleague's version (reload), or the problems left. */
export function ReferentialPublishAlerts({
  serverError,
  conflict,
  unmatched,
  onReload,
}: {
  serverError: unknown;
  conflict: boolean;
  unmatched: FieldError[];
  onReload: () => void;
}) {
  return (
    <>
      {conflict ? (
        <div className="fr-mb-3w">
          <ApiErrorAlert
            error={serverError}
            title="La liste a été modifiée par quelqu’un d’autre pendant que vous la changiez"
          />
          <Button type="button" priority="secondary" iconId="fr-icon-refresh-line" onClick={onReload}>
            Recharger la liste
          </Button>
        </div>
      ) : (
        <ApiErrorAlert error={serverError} title="La nouvelle version n’a pas été publiée" />
      )}
      <FieldErrorList fields={unmatched} />
    </>
  );
}
