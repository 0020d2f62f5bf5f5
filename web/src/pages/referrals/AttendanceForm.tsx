import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ReferralView } from '@spie/contract/referrals';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { todayIso } from '../people/peopleFormat';
import { attendanceWeeks, formatHours, parseHours, weekLabel } from './referralFormat';

export interface AttendanceRunner {
  run: (body: { week: string; hours: number }) => Promise<unknown>;
  pending: boolean;
  error: unknown;
}

/** Hours of presence for one week (0 to 60), from the entry's week to this week. */
export function AttendanceForm({
  referral,
  runner,
  onDone,
}: {
  referral: ReferralView;
  runner: AttendanceRunner;
  onDone: (message: string) => void;
}) {
  const weeks = attendanceWeeks(todayIso(), referral.entryDate);
  const [week, setWeek] = useState(weeks[1] ?? weeks[0] ?? '');
  const recorded = referral.attendance.find((line) => line.week === week);
  const [hours, setHours] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const value = parseHours(hours);
    if (value === null) return setError('Indiquez un nombre d’heures, par exemple 6 ou 7,5.');
    if (value > 60) return setError('Au plus 60 heures dans une semaine.');
    setError(null);
    try {
      await runner.run({ week, hours: value });
      setHours('');
      onDone(
        `Heures enregistrées : ${formatHours(value)} pour la ${weekLabel(week).toLocaleLowerCase('fr-FR')}.`,
      );
    } catch {
      // Shown below.
    }
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-labelledby="attendance-form-title"
      className="spie-panel fr-mt-3w"
    >
      <h3 id="attendance-form-title" className="fr-h6">
        Noter les heures de présence d’une semaine
      </h3>
      <ApiErrorAlert error={runner.error} title="Les heures n’ont pas été enregistrées" />
      <Select
        label="Semaine"
        nativeSelectProps={{ id: 'attendance-week', value: week, onChange: (e) => setWeek(e.target.value) }}
      >
        {weeks.map((monday) => (
          <option key={monday} value={monday}>
            {weekLabel(monday)}
          </option>
        ))}
      </Select>
      <Input
        label="Nombre d’heures de présence"
        hintText={
          recorded
            ? `Déjà noté : ${formatHours(recorded.hours)}. Le nouveau nombre remplace l’ancien.`
            : 'Un nombre entre 0 et 60, par exemple 6 ou 7,5.'
        }
        nativeInputProps={{
          id: 'attendance-hours',
          inputMode: 'decimal',
          value: hours,
          onChange: (e) => setHours(e.target.value),
          autoComplete: 'off',
        }}
        {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
      />
      <Button type="submit" disabled={runner.pending || week === ''}>
        {runner.pending ? 'Enregistrement…' : 'Enregistrer les heures'}
      </Button>
    </form>
  );
}
