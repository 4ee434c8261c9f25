import { fileTypeFromBuffer } from 'file-type';
import { isAllowedMime, textMime } from './rules';

/**
 * The type of an upload, found in its content (file-type reads the signature, and inside zip containers tells a
 * .docx from a .xlsx or a plain zip). What the browser sent as the type and the name's extension are ignored, so a
 * renamed executable is an executable. Undefined when the type is not one evidence may have.
 */
export async function detectEvidenceMime(bytes: Uint8Array, name: string): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return isAllowedMime(found.mime) ? found.mime : undefined;
  return textMime(bytes, name);
}
