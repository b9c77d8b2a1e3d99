// multipart/form-data as @discordjs/rest sends uploads: `files[n]` parts (with filename and content type) and a
// `payload_json` part holding the JSON body. Parsed on bytes, so binary files arrive intact.
import type { UploadedFile } from './model';

export interface Multipart {
  fields: Record<string, string>;
  files: UploadedFile[];
}

export function parseMultipart(body: Buffer, contentType: string): Multipart {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!mark) throw new Error('multipart body without a boundary');
  const delimiter = Buffer.from(`--${mark}`);
  const out: Multipart = { fields: {}, files: [] };
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // Each part: CRLF, headers, blank line, content, CRLF before the next delimiter.
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    start = next;
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) continue;
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (filename !== undefined) {
      const type = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? null;
      out.files.push({ field: name, filename, contentType: type, size: content.length, bytes: Buffer.from(content) });
    } else {
      out.fields[name] = content.toString('utf8');
    }
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
