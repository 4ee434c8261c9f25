/** Field-level errors, announced to screen readers and tied to their input by id (aria-describedby). */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite" aria-atomic="true">
      {errors?.map((error) => (
        <p className="error-text" key={error}>
          {error}
        </p>
      ))}
    </div>
  );
}
