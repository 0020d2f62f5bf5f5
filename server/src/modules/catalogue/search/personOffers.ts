import {
  catalogueRoutes,
  type PersonOffers,
  type Public,
  publicLabels,
  type ServiceCard,
} from '@spie/contract/catalogue';
import { defineUseCase } from '../../../kernel/useCase';
import { currentReferential } from '../../diagnostics';
import { frenchDate, may, parisToday, personAccess } from '../../people';
import { loadServiceCards } from '../catalogue.cards';
import { diagnosticBasis, matchingOffers, type Need, type OfferRow, personFacts } from './offers.queries';
import { type Commune, communeCentroid } from './search.queries';

/** Radius when neither the query nor the diagnostic says one. */
export const DEFAULT_RADIUS_KM = 15;
export const OFFERS_LIMIT = 20;

const input = catalogueRoutes.personOffers.params.extend(catalogueRoutes.personOffers.query.shape);

const km = (meters: number) =>
  (Math.round(meters / 100) / 10).toLocaleString('fr-FR', { maximumFractionDigits: 1 });

/** Why a service is suggested, in plain French. */
export function offerReasons(
  row: OfferRow,
  card: ServiceCard,
  needs: readonly Need[],
  personPublics: readonly Public[],
  commune: Commune | null,
): string[] {
  const reasons: string[] = [];
  const labels = row.matched.flatMap((i) => (needs[i] ? [needs[i].label] : []));
  if (labels.length === 1) reasons.push(`Répond au besoin : ${labels[0]}`);
  else if (labels.length > 1) reasons.push(`Répond aux besoins : ${labels.join(', ')}`);
  if (row.dist !== null && commune)
    reasons.push(row.dist < 50 ? `À ${commune.name}` : `À ${km(row.dist)} km de ${commune.name}`);
  else if (row.dist === null)
    reasons.push(commune ? `À distance, ouvert aux habitants de ${commune.name}` : 'À distance');
  const shared = personPublics.filter((p) => row.publics?.includes(p));
  if (shared.length > 0)
    reasons.push(
      `Pour les publics : ${shared.map((p) => publicLabels[p].toLocaleLowerCase('fr-FR')).join(', ')}`,
    );
  else reasons.push('Ouvert à tous les publics');
  if (card.freePlaces !== null && card.freePlaces > 0)
    reasons.push(card.freePlaces === 1 ? '1 place libre' : `${card.freePlaces} places libres`);
  else if (card.freePlaces === 0)
    reasons.push(row.waiting_list_enabled ? 'Liste d’attente ouverte' : 'Complet pour le moment');
  if (card.nextSessionStart) reasons.push(`Prochaine session le ${frenchDate(card.nextSessionStart)}`);
  return reasons;
}

/**
 * « Offres pour cette personne »: services answering the needs of the latest completed diagnostic,
 * near the person's commune (query radius, else the diagnostic's mobility radius, else 15 km) or
 * remote and open to it, whose publics fit the person. Journey readers; audited read.
 */
export const personOffers = defineUseCase({
  name: 'catalogue.personOffers',
  kind: 'query',
  input,
  authorize: async (ctx, i) => {
    const { access } = await personAccess(ctx, i.id);
    return may(access, 'journey', 'read');
  },
  run: async (ctx, i): Promise<PersonOffers> => {
    const db = ctx.trx;
    const t = ctx.actor.territoryId;
    const today = parisToday(ctx.now);
    await ctx.audit({
      action: 'catalogue.personOffers',
      subjectType: 'person',
      subjectId: i.id,
      personId: i.id,
      section: 'journey',
    });
    const mapping = await currentReferential(db, t, 'thematique_mapping');
    const diagnostic = await diagnosticBasis(db, t, i.id, mapping.content);
    const facts = await personFacts(db, t, i.id, today, diagnostic?.rqth ?? false);
    const commune = facts.communeCode ? await communeCentroid(db, facts.communeCode).catch(() => null) : null;
    const radiusKm = i.radiusKm ?? diagnostic?.mobilityRadiusKm ?? DEFAULT_RADIUS_KM;
    const needs = diagnostic?.needs ?? [];

    const rows = await matchingOffers(
      db,
      t,
      needs,
      facts.publics,
      commune ? { from: commune, communeCode: commune.code, radiusKm } : null,
      OFFERS_LIMIT,
    );
    const cards = await loadServiceCards(
      db,
      t,
      rows.map((r) => r.id),
      commune ? { today, from: commune } : { today },
    );
    const items = rows.flatMap((row) => {
      const card = cards.get(row.id);
      if (!card) return [];
      const distanceKm = row.dist === null ? null : card.distanceKm;
      return [{ ...card, distanceKm, reasons: offerReasons(row, card, needs, facts.publics, commune) }];
    });

    let hint: string | null = null;
    if (!diagnostic)
      hint =
        'Aucun diagnostic terminé : faites le diagnostic de la personne pour voir les offres qui répondent à ses besoins.';
    else if (needs.length === 0)
      hint =
        'Le diagnostic ne montre aucun besoin (frein à l’impact fort ou moyen, ou axe professionnel « besoin ») : mettez-le à jour si la situation a changé.';
    else if (!commune)
      hint =
        'La commune de la personne n’est pas renseignée : ajoutez-la à son dossier pour voir les offres près de chez elle. Seules les offres à distance sont proposées.';
    else if (items.length === 0)
      hint = `Aucune offre trouvée à moins de ${radiusKm} km : élargissez le rayon ou cherchez dans le catalogue.`;

    return {
      basis: {
        commune: commune ? { code: commune.code, name: commune.name } : null,
        radiusKm,
        needs: needs.map((n) => ({ theme: n.theme, label: n.label })),
        publics: facts.publics,
        diagnosticVersion: diagnostic?.version ?? null,
      },
      items,
      hint,
    };
  },
});
