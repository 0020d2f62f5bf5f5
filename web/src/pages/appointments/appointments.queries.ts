import { buildPath } from '@spie/contract';
import { appointmentsRoutes } from '@spie/contract/appointments';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api';
import { peopleKey } from '../people/people.queries';
import { isStale } from './conflict';

const routes = appointmentsRoutes;

/** Agendas; a person's appointments live under the person's key (refreshed with the record). */
export const agendaKey = ['agenda'] as const;
export const personAppointmentsKey = (personId: string) =>
  [...peopleKey, 'person', personId, 'appointments'] as const;

export type CreateAppointmentBody = z.input<typeof routes.create.body>;
export type UpdateAppointmentBody = z.input<typeof routes.update.body>;
export type AppointmentStatusBody = z.input<typeof routes.changeStatus.body>;

export function usePersonAppointments(personId: string) {
  return useQuery({
    queryKey: personAppointmentsKey(personId),
    queryFn: () => call(routes.ofPerson, { params: { id: personId } }),
  });
}

/** One professional's appointments between two days (the caller when `accountId` is empty). */
export function useAgenda(query: { from: string; to: string; accountId?: string | undefined }) {
  return useQuery({
    queryKey: [...agendaKey, query.accountId ?? 'me', query.from, query.to],
    queryFn: () =>
      call(routes.agenda, {
        query: { from: query.from, to: query.to, ...(query.accountId ? { accountId: query.accountId } : {}) },
      }),
    placeholderData: keepPreviousData,
  });
}

/** After any change: the person's record (appointments, timeline, alerts) and the agendas. */
function useInvalidateAppointments() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: peopleKey }),
      client.invalidateQueries({ queryKey: agendaKey }),
      client.invalidateQueries({ queryKey: ['review'] }),
    ]);
}

export function useCreateAppointment(personId: string) {
  const invalidate = useInvalidateAppointments();
  return useMutation({
    mutationFn: (body: CreateAppointmentBody) => call(routes.create, { params: { id: personId }, body }),
    onSuccess: invalidate,
  });
}

export function useUpdateAppointment() {
  const invalidate = useInvalidateAppointments();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateAppointmentBody }) =>
      call(routes.update, { params: { id: input.id }, body: input.body }),
    onSuccess: invalidate,
    onError: (error) => (isStale(error) ? invalidate() : undefined),
  });
}

export function useChangeAppointmentStatus() {
  const invalidate = useInvalidateAppointments();
  return useMutation({
    mutationFn: (input: { id: string; body: AppointmentStatusBody }) =>
      call(routes.changeStatus, { params: { id: input.id }, body: input.body }),
    onSuccess: invalidate,
    onError: (error) => (isStale(error) ? invalidate() : undefined),
  });
}

/** The appointment as a calendar file (the browser downloads it with the session cookie). */
export function icsHref(appointmentId: string): string {
  return buildPath(routes.ics.path, { id: appointmentId });
}
