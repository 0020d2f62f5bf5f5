import { duplicateCandidate } from '@spie/contract/people';
import { Link } from 'react-router';
import { z } from 'zod';
import { isApiError } from '../../api';
import { DirectoryCardView } from './DirectoryCardView';
import { ageLabel, formatDay, matchedOnLabels } from './peopleFormat';

export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

/** Candidates a 409 (`person.likely_duplicate`, `person.nir_exists`) may carry in its details. */
export function candidatesFromError(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error) || !error.details) return null;
  for (const key of ['candidates', 'items', 'duplicates']) {
    const parsed = z.array(duplicateCandidate).safeParse(error.details[key]);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** Each probable duplicate with what matched: the record when I may read it, else its directory card. */
export function DuplicateList({ candidates }: { candidates: DuplicateCandidate[] }) {
  return (
    <ul className="spie-plain-list">
      {candidates.map((candidate, index) => {
        const why = `Correspondance : ${matchedOnLabels[candidate.matchedOn]}.`;
        const key = candidate.person?.id ?? candidate.card?.personId ?? String(index);
        if (candidate.person) {
          const person = candidate.person;
          return (
            <li key={`${key}-${candidate.matchedOn}`} className="fr-mb-2w">
              <Link to={`/personnes/${person.id}`}>
                {person.displayName}, né·e le {formatDay(person.birthDate)} ({ageLabel(person.age)})
              </Link>
              {person.communeName && <> — {person.communeName}</>}
              <span className="spie-block fr-text--sm">{why}</span>
            </li>
          );
        }
        if (candidate.card) {
          return (
            <li key={`${key}-${candidate.matchedOn}`}>
              <DirectoryCardView
                card={candidate.card}
                headingLevel={3}
                extra={<p className="fr-text--sm fr-mb-1w">{why}</p>}
              />
            </li>
          );
        }
        return (
          <li key={`${key}-${candidate.matchedOn}`} className="fr-mb-2w">
            Une personne que vous ne pouvez pas consulter. {why}
          </li>
        );
      })}
    </ul>
  );
}
