import { toXlsx } from '@/lib/xlsx';

/** Small files of each kind evidence may or may not be, made here (no fixtures on disk). */

const bytes = (text: string) => new TextEncoder().encode(text);

/** A minimal PDF: the signature is all detection reads. */
export const pdfBytes = () => bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A 1×1 PNG. */
export const pngBytes = () =>
  Uint8Array.from(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
  );

export const csvBytes = () => bytes('city,participants\nAlmaty,12\n"Xi\'an",8\n');

export const xlsxBytes = () => toXlsx([{ name: 'Evidence', header: ['a', 'b'], rows: [['1', '2']] }]);

/** The start of a Windows executable (the "MZ" header and a PE offset): what a renamed .exe begins with. */
export const exeBytes = () => {
  const out = new Uint8Array(512);
  out.set([0x4d, 0x5a, 0x90, 0x00], 0);
  out.set([0x80, 0x00, 0x00, 0x00], 0x3c);
  out.set([0x50, 0x45, 0x00, 0x00], 0x80);
  return out;
};

/** An ELF executable's header. */
export const elfBytes = () => Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, ...new Array(56).fill(0)]);

export const zipBytes = () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, ...new Array(30).fill(0)]);

export const htmlBytes = () => bytes('<!doctype html><script>alert(1)</script>');

export const svgBytes = () => bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');

/** Text with a NUL: binary, though it has no signature. */
export const binaryBytes = () => Uint8Array.from([0x41, 0x00, 0x42, 0xff, 0xfe, 0x00]);

export const file = (content: Uint8Array, name: string, type = 'application/pdf') => new File([content as BlobPart], name, { type });
