import { z } from 'zod';
import { defineRoute, ok, uuid } from '../http';
import { demoAccount, loginMethods, sessionInfo } from './auth.schema';

const tags = ['Connexion'];

export const authRoutes = {
  getSession: defineRoute({
    id: 'auth.getSession',
    method: 'GET',
    path: '/api/auth/session',
    summary: 'Session en cours (vide si personne n’est connecté)',
    tags,
    access: 'public',
    response: sessionInfo,
  }),
  loginMethods: defineRoute({
    id: 'auth.loginMethods',
    method: 'GET',
    path: '/api/auth/methods',
    summary: 'Moyens de connexion proposés',
    tags,
    access: 'public',
    response: loginMethods,
  }),
  listDemoAccounts: defineRoute({
    id: 'auth.listDemoAccounts',
    method: 'GET',
    path: '/api/auth/demo/accounts',
    summary: 'Comptes de démonstration (mode démo seulement)',
    tags,
    access: 'public',
    response: z.object({ items: z.array(demoAccount) }),
  }),
  demoLogin: defineRoute({
    id: 'auth.demoLogin',
    method: 'POST',
    path: '/api/auth/demo/login',
    summary: 'Se connecter avec un compte de démonstration (mode démo seulement)',
    tags,
    access: 'public',
    body: z.object({ accountId: uuid }),
    response: sessionInfo,
    status: 200,
  }),
  chooseMembership: defineRoute({
    id: 'auth.chooseMembership',
    method: 'POST',
    path: '/api/auth/membership',
    summary: 'Choisir la structure et le rôle avec lesquels agir',
    tags,
    access: 'account',
    body: z.object({ membershipId: uuid }),
    response: sessionInfo,
    status: 200,
  }),
  logout: defineRoute({
    id: 'auth.logout',
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Se déconnecter',
    tags,
    access: 'account',
    response: ok,
    status: 200,
  }),
  logoutEverywhere: defineRoute({
    id: 'auth.logoutEverywhere',
    method: 'POST',
    path: '/api/auth/logout-everywhere',
    summary: 'Fermer toutes mes sessions, sur tous les appareils',
    tags,
    access: 'account',
    response: z.object({ closed: z.number().int() }),
    status: 200,
  }),
} as const;
