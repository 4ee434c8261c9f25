/**
 * The text layer of a PDF as pdf.js reads it (what copy, search and screen readers get): every page's text
 * items joined by spaces, NFKC-normalised (a subset font's ToUnicode map may give some CJK characters as Kangxi
 * radicals, ⼯ for 工) and with runs of white space made one space.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')} `;
  }
  await pdf.destroy();
  return text.normalize('NFKC').replace(/\s+/g, ' ');
}

/** The names of the fonts a PDF's text is drawn with (subset prefix removed), as pdf.js loads them. */
export async function pdfFontNames(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, fontExtraProperties: true }).promise;
  const names = new Set<string>();
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    await page.getOperatorList();
    const { styles } = await page.getTextContent();
    for (const id of Object.keys(styles)) {
      const font = page.commonObjs.get(id) as { name?: string } | undefined;
      if (font?.name) names.add(font.name.replace(/^[A-Z]{6}\+/, ''));
    }
  }
  await pdf.destroy();
  return [...names];
}
