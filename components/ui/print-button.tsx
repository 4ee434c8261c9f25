'use client';

/**
 * Prints the page with the reader's own browser and the print stylesheet ("Save as PDF" in its dialog), so a
 * PDF needs nothing on the server. The label comes translated from the server component that places it.
 */
export function PrintButton({ label, hint }: { label: string; hint: string }) {
  return (
    <button type="button" className="button-secondary" title={hint} onClick={() => window.print()}>
      {label}
    </button>
  );
}
