import { z } from 'zod';
import { defineRoute, uuid } from '../http';
import {
  agenda,
  agendaQuery,
  appointment,
  appointmentStatusBody,
  createAppointmentBody,
  personAppointments,
  updateAppointmentBody,
} from './appointments.schema';

const tags = ['Rendez-vous'];
const idParams = z.object({ id: uuid });

export const appointmentsRoutes = {
  ofPerson: defineRoute({
    id: 'appointments.ofPerson',
    method: 'GET',
    path: '/api/people/:id/appointments',
    summary: 'Rendez-vous de la personne : à venir et passés',
    tags,
    params: idParams,
    response: personAppointments,
  }),
  create: defineRoute({
    id: 'appointments.create',
    method: 'POST',
    path: '/api/people/:id/appointments',
    summary: 'Fixer un rendez-vous (confirmation envoyée à la personne)',
    tags,
    params: idParams,
    body: createAppointmentBody,
    response: appointment,
    status: 201,
  }),
  get: defineRoute({
    id: 'appointments.get',
    method: 'GET',
    path: '/api/appointments/:id',
    summary: 'Un rendez-vous',
    tags,
    params: idParams,
    response: appointment,
  }),
  update: defineRoute({
    id: 'appointments.update',
    method: 'PATCH',
    path: '/api/appointments/:id',
    summary: 'Déplacer un rendez-vous ou changer son lieu ou ses professionnels',
    tags,
    params: idParams,
    body: updateAppointmentBody,
    response: appointment,
  }),
  changeStatus: defineRoute({
    id: 'appointments.changeStatus',
    method: 'POST',
    path: '/api/appointments/:id/status',
    summary: 'Noter le résultat (honoré, absent, excusé), annuler ou corriger',
    tags,
    params: idParams,
    body: appointmentStatusBody,
    response: appointment,
    status: 200,
  }),
  ics: defineRoute({
    id: 'appointments.ics',
    method: 'GET',
    path: '/api/appointments/:id/ics',
    summary: 'Le rendez-vous au format agenda (.ics)',
    tags,
    params: idParams,
    response: z.string(),
    binary: true,
  }),
  agenda: defineRoute({
    id: 'appointments.agenda',
    method: 'GET',
    path: '/api/agenda',
    summary: 'Agenda d’un professionnel (jour ou semaine)',
    tags,
    query: agendaQuery,
    response: agenda,
  }),
};
