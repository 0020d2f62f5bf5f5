import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { auditOutcomeLabels } from '@spie/contract/audit';
import { type Role, roleLabels, roles } from '@spie/contract/territories';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { useAuditLog } from './audit.queries';

const outcomeSeverity = { success: 'success', denied: 'warning', failure: 'error' } as const;

function roleLabel(role: string | null): string {
  if (!role) return '—';
  return (roles as readonly string[]).includes(role) ? roleLabels[role as Role] : role;
}

export function AuditPage() {
  const [draft, setDraft] = useState('');
  const [action, setAction] = useState('');
  const audit = useAuditLog(action);
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageBreadcrumb current="Journal d’audit" />
      <PageHeading title="Journal d’audit" />
      <p>Chaque action faite dans SPIE est enregistrée ici, de la plus récente à la plus ancienne.</p>
      <form
        aria-label="Filtrer le journal"
        onSubmit={(event) => {
          event.preventDefault();
          setAction(draft);
        }}
      >
        <div className="spie-filters">
          <Input
            label="Action"
            hintText="Code de l’action, par exemple territories.createOrganisation"
            nativeInputProps={{ value: draft, onChange: (event) => setDraft(event.target.value) }}
          />
          <div className="spie-filters__submit">
            <Button type="submit" priority="secondary" iconId="fr-icon-search-line">
              Filtrer
            </Button>
          </div>
        </div>
      </form>
      {audit.isPending && <Loading />}
      <ApiErrorAlert error={audit.error} title="Le journal n’a pas pu être chargé" />
      {audit.data && items.length === 0 && <p role="status">Aucune action enregistrée pour ce filtre.</p>}
      {items.length > 0 && (
        <DataTable
          caption="Actions enregistrées"
          headers={['Date', 'Personne', 'Structure et rôle', 'Action', 'Objet', 'Résultat', 'Référence']}
          rows={items.map((entry) => ({
            key: entry.seq,
            cells: [
              formatDateTime(entry.at),
              entry.accountName ?? 'Système',
              entry.organisationName
                ? `${entry.organisationName} — ${roleLabel(entry.role)}`
                : roleLabel(entry.role),
              <code key="action">{entry.action}</code>,
              entry.subjectType ? (
                <span key="subject" className="spie-break">
                  {entry.subjectType}
                  {entry.section ? ` (${entry.section})` : ''}
                  {entry.subjectId ? ` ${entry.subjectId}` : ''}
                </span>
              ) : (
                '—'
              ),
              <Badge key="outcome" small severity={outcomeSeverity[entry.outcome]}>
                {auditOutcomeLabels[entry.outcome]}
              </Badge>,
              <span key="request" className="spie-break fr-text--xs">
                {entry.requestId ?? '—'}
              </span>,
            ],
          }))}
        />
      )}
      <LoadMoreButton
        hasMore={audit.hasNextPage}
        loading={audit.isFetchingNextPage}
        onClick={() => audit.fetchNextPage()}
      />
    </>
  );
}
