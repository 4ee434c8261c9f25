'use client';

// Noto Sans SC's @font-face rules: over a hundred unicode-range slices, nine tenths of the app's style sheet.
// Imported only here, so that they make a style sheet of their own (see ChineseFonts).
import '@fontsource-variable/noto-sans-sc/wght.css';

export default function ChineseFontFaces() {
  return null;
}
