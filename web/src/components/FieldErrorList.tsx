import type { FieldError } from '@spie/contract';

/** Server errors that match no input are listed in words under the page's error alert. */
export function FieldErrorList({ fields }: { fields: FieldError[] }) {
  if (fields.length === 0) return null;
  return (
    <ul className="fr-error-text fr-mb-3w">
      {fields.map((field) => (
        <li key={`${field.path}-${field.message}`}>{field.message}</li>
      ))}
    </ul>
  );
}
