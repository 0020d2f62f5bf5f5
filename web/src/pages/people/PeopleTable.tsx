import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { type PersonSummary, statusKindLabels, teamRoleLabels } from '@spie/contract/people';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ageLabel } from './peopleFormat';

/** People rows (caseload, search results): the name leads to the record. */
export function PeopleTable({
  caption,
  people,
  roleHeader = 'Mon rôle',
  captionHidden = false,
}: {
  caption: string;
  people: PersonSummary[];
  roleHeader?: string;
  captionHidden?: boolean;
}) {
  return (
    <DataTable
      caption={caption}
      captionHidden={captionHidden}
      headers={['Nom', 'Âge', 'Commune', 'Référent·e unique', roleHeader, 'Statuts en cours']}
      rows={people.map((person) => ({
        key: person.id,
        cells: [
          <Link key="name" to={`/personnes/${person.id}`}>
            {person.displayName}
          </Link>,
          ageLabel(person.age),
          person.communeName ?? '—',
          person.referentName || person.referentOrganisationName ? (
            <span key="referent">
              {person.referentName ?? 'Non désigné·e'}
              {person.referentOrganisationName && (
                <span className="spie-block fr-text--xs fr-mb-0">{person.referentOrganisationName}</span>
              )}
            </span>
          ) : (
            'Aucun·e'
          ),
          person.myRole ? teamRoleLabels[person.myRole] : '—',
          person.statuses.length === 0 ? (
            'Aucun'
          ) : (
            <ul key="statuses" className="spie-plain-list spie-badge-list">
              {person.statuses.map((kind) => (
                <li key={kind}>
                  <Badge small noIcon>
                    {statusKindLabels[kind]}
                  </Badge>
                </li>
              ))}
            </ul>
          ),
        ],
      }))}
    />
  );
}
