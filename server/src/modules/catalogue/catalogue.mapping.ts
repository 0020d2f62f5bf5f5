import type { DiService, DiStructure } from '@spie/contract/catalogue';
import type { Selectable } from 'kysely';
import type { CatalogueServices, CatalogueStructures } from '../../db/schema';

/*
 * data·inclusion fields ↔ columns of `catalogue_services` / `catalogue_structures` (same names).
 * Nulls are kept as they are; SPIE's own columns (owner, places, status…) are never touched here.
 */

export type ServiceRow = Selectable<CatalogueServices>;
export type StructureRow = Selectable<CatalogueStructures>;

/** The data·inclusion columns of a service row, as they are written (insert or update). */
export interface DiServiceColumns {
  id: string;
  source: string;
  structure_id: string;
  nom: string;
  description: string;
  date_maj: string;
  type: string | null;
  thematiques: string[] | null;
  publics: string[] | null;
  publics_precisions: string | null;
  conditions_acces: string | null;
  frais: string | null;
  frais_precisions: string | null;
  modes_accueil: string[] | null;
  zone_eligibilite: string[] | null;
  modes_mobilisation: string[] | null;
  mobilisable_par: string[] | null;
  mobilisation_precisions: string | null;
  lien_mobilisation: string | null;
  lien_source: string | null;
  contact_nom_prenom: string | null;
  telephone: string | null;
  courriel: string | null;
  horaires_accueil: string | null;
  volume_horaire_hebdomadaire: number | null;
  nombre_semaines: number | null;
  adresse: string | null;
  complement_adresse: string | null;
  commune: string | null;
  code_postal: string | null;
  code_insee: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** The data·inclusion columns of a structure row. */
export interface DiStructureColumns {
  id: string;
  source: string;
  nom: string;
  date_maj: string;
  siret: string | null;
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  lien_source: string | null;
  horaires_accueil: string | null;
  accessibilite_lieu: string | null;
  reseaux_porteurs: string[] | null;
  description: string | null;
  adresse: string | null;
  complement_adresse: string | null;
  commune: string | null;
  code_postal: string | null;
  code_insee: string | null;
  latitude: number | null;
  longitude: number | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** A service row (or any object with its data·inclusion columns) → `DiService`. */
export function serviceRowToDi(row: DiServiceColumns | ServiceRow): DiService {
  return {
    id: row.id,
    source: row.source,
    structure_id: row.structure_id,
    nom: row.nom,
    description: row.description,
    date_maj: String(row.date_maj),
    type: row.type as DiService['type'],
    thematiques: row.thematiques as DiService['thematiques'],
    publics: row.publics as DiService['publics'],
    publics_precisions: row.publics_precisions,
    conditions_acces: row.conditions_acces,
    frais: row.frais as DiService['frais'],
    frais_precisions: row.frais_precisions,
    modes_accueil: row.modes_accueil as DiService['modes_accueil'],
    zone_eligibilite: row.zone_eligibilite,
    modes_mobilisation: row.modes_mobilisation as DiService['modes_mobilisation'],
    mobilisable_par: row.mobilisable_par as DiService['mobilisable_par'],
    mobilisation_precisions: row.mobilisation_precisions,
    lien_mobilisation: row.lien_mobilisation,
    lien_source: row.lien_source,
    contact_nom_prenom: row.contact_nom_prenom,
    telephone: row.telephone,
    courriel: row.courriel,
    horaires_accueil: row.horaires_accueil,
    volume_horaire_hebdomadaire: num(row.volume_horaire_hebdomadaire),
    nombre_semaines: row.nombre_semaines,
    adresse: row.adresse,
    complement_adresse: row.complement_adresse,
    commune: row.commune,
    code_postal: row.code_postal,
    code_insee: row.code_insee,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}

/** `DiService` → the data·inclusion columns of `catalogue_services`. */
export function diServiceToRow(di: DiService): DiServiceColumns {
  return {
    id: di.id,
    source: di.source,
    structure_id: di.structure_id,
    nom: di.nom,
    description: di.description,
    date_maj: di.date_maj,
    type: di.type,
    thematiques: di.thematiques,
    publics: di.publics,
    publics_precisions: di.publics_precisions,
    conditions_acces: di.conditions_acces,
    frais: di.frais,
    frais_precisions: di.frais_precisions,
    modes_accueil: di.modes_accueil,
    zone_eligibilite: di.zone_eligibilite,
    modes_mobilisation: di.modes_mobilisation,
    mobilisable_par: di.mobilisable_par,
    mobilisation_precisions: di.mobilisation_precisions,
    lien_mobilisation: di.lien_mobilisation,
    lien_source: di.lien_source,
    contact_nom_prenom: di.contact_nom_prenom,
    telephone: di.telephone,
    courriel: di.courriel,
    horaires_accueil: di.horaires_accueil,
    volume_horaire_hebdomadaire: di.volume_horaire_hebdomadaire,
    nombre_semaines: di.nombre_semaines,
    adresse: di.adresse,
    complement_adresse: di.complement_adresse,
    commune: di.commune,
    code_postal: di.code_postal,
    code_insee: di.code_insee,
    latitude: di.latitude,
    longitude: di.longitude,
  };
}

/** A structure row → `DiStructure`. */
export function structureRowToDi(row: DiStructureColumns | StructureRow): DiStructure {
  return {
    id: row.id,
    source: row.source,
    nom: row.nom,
    date_maj: String(row.date_maj),
    siret: row.siret,
    telephone: row.telephone,
    courriel: row.courriel,
    site_web: row.site_web,
    lien_source: row.lien_source,
    horaires_accueil: row.horaires_accueil,
    accessibilite_lieu: row.accessibilite_lieu,
    reseaux_porteurs: row.reseaux_porteurs as DiStructure['reseaux_porteurs'],
    description: row.description,
    adresse: row.adresse,
    complement_adresse: row.complement_adresse,
    commune: row.commune,
    code_postal: row.code_postal,
    code_insee: row.code_insee,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}

/** Alias kept for the export helper. */
export const toStructureDi = structureRowToDi;

/** `DiStructure` → the data·inclusion columns of `catalogue_structures`. */
export function diStructureToRow(di: DiStructure): DiStructureColumns {
  return {
    id: di.id,
    source: di.source,
    nom: di.nom,
    date_maj: di.date_maj,
    siret: di.siret,
    telephone: di.telephone,
    courriel: di.courriel,
    site_web: di.site_web,
    lien_source: di.lien_source,
    horaires_accueil: di.horaires_accueil,
    accessibilite_lieu: di.accessibilite_lieu,
    reseaux_porteurs: di.reseaux_porteurs,
    description: di.description,
    adresse: di.adresse,
    complement_adresse: di.complement_adresse,
    commune: di.commune,
    code_postal: di.code_postal,
    code_insee: di.code_insee,
    latitude: di.latitude,
    longitude: di.longitude,
  };
}
