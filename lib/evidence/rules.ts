/**
 * The rules of evidence files, in one place: what may be attached, how many, how large, what a stored name may
 * contain, and how a download names the file. Pure: the form states these limits, the server enforces them.
 */

/** 10 MiB a file: a scanned report or a photo fits; a video does not belong here. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Five files an update, counting those already attached. */
export const MAX_EVIDENCE_FILES = 5;
/**
 * The largest body a server action accepts: five files at the limit and the form's fields. next.config.mjs sets
 * the same figure ('51mb': the server actions' and the proxy's body limits); the proxy refuses a larger one (413).
 */
export const MAX_ACTION_BODY_BYTES = 51 * 1024 * 1024;
/** The form field that carries the files. */
export const EVIDENCE_FIELD = 'evidenceFiles';
const MAX_NAME = 150;

/** An accepted type: its MIME type, the extensions a stored name may end in, and its kind (for the form's hint). */
interface AllowedType {
  mime: string;
  extensions: readonly string[];
  kind: 'pdf' | 'image' | 'office' | 'text';
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
export const allowedTypes: readonly AllowedType[] = [
  { mime: 'application/pdf', extensions: ['pdf'], kind: 'pdf' },
  { mime: 'image/png', extensions: ['png'], kind: 'image' },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], kind: 'image' },
  { mime: 'image/gif', extensions: ['gif'], kind: 'image' },
  { mime: 'image/webp', extensions: ['webp'], kind: 'image' },
  { mime: 'image/tiff', extensions: ['tif', 'tiff'], kind: 'image' },
  { mime: 'image/heic', extensions: ['heic'], kind: 'image' },
  { mime: `${OOXML}.wordprocessingml.document`, extensions: ['docx'], kind: 'office' },
  { mime: `${OOXML}.spreadsheetml.sheet`, extensions: ['xlsx'], kind: 'office' },
  { mime: `${OOXML}.presentationml.presentation`, extensions: ['pptx'], kind: 'office' },
  { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], kind: 'office' },
  { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], kind: 'office' },
  { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'], kind: 'office' },
  { mime: 'text/csv', extensions: ['csv'], kind: 'text' },
  { mime: 'text/plain', extensions: ['txt'], kind: 'text' },
];

const byMime = new Map(allowedTypes.map((t) => [t.mime, t]));

export function isAllowedMime(mime: string): boolean {
  return byMime.has(mime);
}

/** What the file input's `accept` offers (a hint for the picker; the server decides by content). */
export const acceptAttribute = allowedTypes.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(',');

/**
 * Content with no signature (file-type found none) is accepted as text only if it reads as UTF-8 (a BOM allowed)
 * with no control characters but tab, line feed, carriage return and form feed, and does not open with markup
 * ("<": HTML, SVG, XML are not evidence types, and are what a browser would render). Text has no magic bytes, so
 * only then does the name count: `text/csv` when it ends in .csv, else `text/plain`.
 */
export function textMime(bytes: Uint8Array, name: string): 'text/csv' | 'text/plain' | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
  if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) return undefined;
  if (text.trimStart().startsWith('<')) return undefined;
  return /\.csv$/i.test(name.trim()) ? 'text/csv' : 'text/plain';
}

/** Characters that never belong in a stored name: controls, direction overrides and isolates, path separators. */
const unsafe = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069/\\:*?"<>|]/g;

/**
 * The name a file is stored and downloaded under: its last path part, without unsafe characters, trimmed of dots
 * and spaces, at most 150 characters, ending in an extension of the detected type (appended when the given one
 * is another: "report.exe" holding a PDF becomes "report.exe.pdf").
 */
export function safeFileName(raw: string, mime: string): string {
  const type = byMime.get(mime);
  const last = raw.split(/[/\\]/).pop() ?? '';
  let name = last.normalize('NFC').replace(unsafe, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const wanted = type?.extensions[0];
  if (wanted && !type.extensions.includes(ext)) name = `${name || 'evidence'}.${wanted}`;
  if (!name) name = 'evidence';
  if ([...name].length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const suffix = dot > 0 ? name.slice(dot) : '';
    name = [...name.slice(0, dot > 0 ? dot : name.length)].slice(0, MAX_NAME - suffix.length).join('') + suffix;
  }
  return name;
}

/**
 * `Content-Disposition: attachment` naming the file: an ASCII fallback for old clients and the UTF-8 name
 * (RFC 6266 / RFC 5987), so a Chinese file name survives and nothing in it can end the header.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7E]/g, '_').replace(/["\\%;]/g, '_') || 'evidence';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Why an upload was refused: a catalog key under `evidence.errors` and its values. */
export type EvidenceProblem =
  | { key: 'tooMany'; values: { max: number } }
  | { key: 'tooLarge'; values: { name: string; maxMb: number } }
  | { key: 'empty'; values: { name: string } }
  | { key: 'typeRefused'; values: { name: string } };

export const tooMany = (): EvidenceProblem => ({ key: 'tooMany', values: { max: MAX_EVIDENCE_FILES } });
export const tooLarge = (name: string): EvidenceProblem => ({ key: 'tooLarge', values: { name, maxMb: MAX_EVIDENCE_BYTES / 1024 / 1024 } });
