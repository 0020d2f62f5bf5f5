/** DSFR input state for a react-hook-form error: red border and the message under the field. */
export function fieldState(error: { message?: string | undefined } | undefined): {
  state?: 'error';
  stateRelatedMessage?: string;
} {
  if (!error) return {};
  return { state: 'error', stateRelatedMessage: error.message ?? 'Valeur invalide.' };
}
