import {
  type AppointmentMode,
  type AppointmentType,
  appointmentTypeLabels,
} from '@spie/contract/appointments';

/**
 * An iCalendar file (RFC 5545) for one appointment: what a professional drops into their own
 * calendar. It says when, what kind and where, never who: no name, no situation. Times in UTC.
 */
export interface IcsFacts {
  id: string;
  type: AppointmentType;
  startsAt: Date;
  durationMinutes: number;
  mode: AppointmentMode;
  address: string | null;
  visioUrl: string | null;
  organisationName: string;
  status: string;
  /** When the file is produced (DTSTAMP). */
  stamp: Date;
  /** Revision of the appointment: a moved appointment replaces the one already imported. */
  sequence: number;
}

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT values: backslash, semicolon, comma and line breaks are escaped. */
export const escapeIcsText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Content lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function appointmentIcs(f: IcsFacts): string {
  const end = new Date(f.startsAt.getTime() + f.durationMinutes * 60_000);
  const location =
    f.mode === 'sur_place' ? (f.address ?? '') : f.mode === 'visio' ? (f.visioUrl ?? '') : 'Par téléphone';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//SPIE//Rendez-vous//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${f.id}`,
    `DTSTAMP:${utc(f.stamp)}`,
    `SEQUENCE:${f.sequence}`,
    `DTSTART:${utc(f.startsAt)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${escapeIcsText(`Rendez-vous : ${appointmentTypeLabels[f.type]}`)}`,
    `LOCATION:${escapeIcsText(location)}`,
    `DESCRIPTION:${escapeIcsText(`${appointmentTypeLabels[f.type]} — ${f.organisationName}`)}`,
    ...(f.mode === 'visio' && f.visioUrl ? [`URL:${f.visioUrl}`] : []),
    `STATUS:${f.status === 'annule' ? 'CANCELLED' : 'CONFIRMED'}`,
    'CLASS:PRIVATE',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
