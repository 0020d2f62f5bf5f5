import type { Db } from '../../db/database';

export function situationReviewRows(db: Db, territoryId: string) {
  return db
    .selectFrom('situation_reviews as r')
    .innerJoin('accounts as ac', 'ac.id', 'r.account_id')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'r.territory_id').onRef('o.id', '=', 'r.organisation_id'),
    )
    .select([
      'r.id',
      'r.person_id',
      'r.reviewed_on',
      'r.account_id',
      'ac.first_name',
      'ac.last_name',
      'r.organisation_id',
      'o.name as organisation_name',
      'r.situation',
      'r.next_step',
      'r.next_step_on',
      'r.with_person',
    ])
    .where('r.territory_id', '=', territoryId);
}

type Row = Awaited<ReturnType<ReturnType<typeof situationReviewRows>['executeTakeFirstOrThrow']>>;

export function toSituationReview(r: Row) {
  return {
    id: r.id,
    personId: r.person_id,
    reviewedOn: r.reviewed_on,
    by: { accountId: r.account_id, name: `${r.first_name} ${r.last_name}` },
    organisation: { id: r.organisation_id, name: r.organisation_name },
    situation: r.situation,
    nextStep: r.next_step,
    nextStepOn: r.next_step_on,
    withPerson: r.with_person,
  };
}
