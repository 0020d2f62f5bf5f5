import { z } from 'zod';

export const roles = [
  'professional',
  'social_worker',
  'orientation_manager',
  'structure_manager',
  'territory_admin',
  'steering_viewer',
] as const;
export const role = z.enum(roles, { message: 'Rôle inconnu.' });
export type Role = z.infer<typeof role>;

export const roleLabels: Record<Role, string> = {
  professional: 'Professionnel·le / référent·e',
  social_worker: 'Travailleur·se social·e',
  orientation_manager: "Chargé·e d'orientation",
  structure_manager: 'Responsable de structure',
  territory_admin: 'Administrateur·rice du territoire',
  steering_viewer: 'Pilotage (indicateurs)',
};

export const roleDescriptions: Record<Role, string> = {
  professional: 'Accompagne des personnes et tient leur parcours à jour.',
  social_worker:
    'Accompagne des personnes ; tenu·e au secret professionnel, peut voir les informations sensibles autorisées.',
  orientation_manager: "Décide de l'orientation des personnes vers un organisme référent.",
  structure_manager: 'Désigne les référents et gère les professionnels et les offres de sa structure.',
  territory_admin: 'Gère les paramètres, les structures et les comptes du territoire.',
  steering_viewer: 'Consulte des indicateurs agrégés, sans données nominatives.',
};
