import 'server-only';
import { createHash } from 'node:crypto';
import type { EvidenceUpload } from '@/db/queries/evidence';
import type { Problem } from '@/db/queries/updates/types';
import { detectEvidenceMime } from '@/lib/evidence/detect';
import { EVIDENCE_FIELD, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, safeFileName } from '@/lib/evidence/rules';

export type UploadCheck = { ok: true; files: EvidenceUpload[] } | { ok: false; problems: Problem[] };

/** A name as the refusal quotes it: short, and with nothing that could pass for another line. */
const quoted = (name: string) => {
  const plain = name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim() || '—';
  return [...plain].length > 80 ? `${[...plain].slice(0, 79).join('')}…` : plain;
};

/**
 * The evidence files a form posted, checked before anything is written: how many (counting none already attached;
 * the write counts those again under the update's lock), each one's size, then its type from its content. Sizes
 * are read from the parts before any byte is, so an oversized file is refused without being read. An empty file
 * input (no file chosen) is no file: no bytes, and no name — or "undefined", the name it reaches the server with
 * when React encodes the form (measured with Chromium). Text under the field is refused: it is what Next makes of
 * a file part whose name it reduces to nothing ("..", "/"), which no browser sends.
 */
export async function readEvidenceUploads(formData: FormData, alreadyAttached = 0): Promise<UploadCheck> {
  const entries = formData.getAll(EVIDENCE_FIELD);
  if (entries.some((v) => typeof v === 'string' && v !== '')) return { ok: false, problems: [{ key: 'evidence.errors.notAFile' }] };
  const parts = entries.filter((v): v is File => typeof v !== 'string' && !(v.size === 0 && (v.name === '' || v.name === 'undefined')));
  if (parts.length === 0) return { ok: true, files: [] };
  if (alreadyAttached + parts.length > MAX_EVIDENCE_FILES) {
    return { ok: false, problems: [{ key: 'evidence.errors.tooMany', values: { max: MAX_EVIDENCE_FILES } }] };
  }
  const problems: Problem[] = [];
  for (const part of parts) {
    if (part.size > MAX_EVIDENCE_BYTES) problems.push({ key: 'evidence.errors.tooLarge', values: { name: quoted(part.name), maxMb: MAX_EVIDENCE_BYTES / 1024 / 1024 } });
    else if (part.size === 0) problems.push({ key: 'evidence.errors.empty', values: { name: quoted(part.name) } });
  }
  if (problems.length) return { ok: false, problems };
  const files: EvidenceUpload[] = [];
  for (const part of parts) {
    const content = new Uint8Array(await part.arrayBuffer());
    const mime = await detectEvidenceMime(content, part.name);
    if (!mime) {
      problems.push({ key: 'evidence.errors.typeRefused', values: { name: quoted(part.name) } });
      continue;
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    files.push({ name: safeFileName(part.name, mime), mime, size: content.byteLength, sha256, content });
  }
  return problems.length ? { ok: false, problems } : { ok: true, files };
}
