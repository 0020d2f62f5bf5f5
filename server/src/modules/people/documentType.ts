import { fileTypeFromBuffer } from 'file-type';

/** What a person's file may be: documents people scan or photograph, nothing that runs. */
export const documentTypes = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const;
export type DocumentType = keyof typeof documentTypes;

/**
 * The type of a file read from its content (magic bytes, via the `file-type` library), never
 * from its name or a type the browser declared: a `.pdf` that is an executable, an HTML page or
 * a script is `null`. Text formats have no signature, so they are never detected as allowed.
 */
export async function detectDocumentType(bytes: Uint8Array): Promise<DocumentType | null> {
  if (bytes.length === 0) return null;
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  return detected.mime in documentTypes ? (detected.mime as DocumentType) : null;
}

/**
 * A safe display name: no folders (a name is not a path), no control characters, and the
 * extension of the detected type so the file opens with the right application.
 */
export function safeFilename(name: string, type: DocumentType): string {
  const base =
    name
      .split(/[/\\]/)
      .pop()
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
      ?.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
      .trim() ?? '';
  const withoutExt = base.replace(/\.(pdf|jpe?g|png)$/i, '').slice(0, 180) || 'document';
  return `${withoutExt}.${documentTypes[type]}`;
}

/** Strict base64 (Buffer.from silently skips invalid characters, which would hide a corrupt upload). */
export function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}
