/** A small multipart/form-data parser: enough for discord.js uploads (`payload_json` plus `files[n]`). */

export interface MultipartPart {
  /** The form field name, e.g. `payload_json` or `files[0]`. */
  readonly name: string;
  /** Present for file parts. */
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly data: Buffer;
}

export class MultipartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MultipartError';
  }
}

/** The boundary from a `multipart/form-data; boundary=...` header, or undefined if it is not one. */
export const multipartBoundary = (contentType: string | undefined): string | undefined => {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2]?.trim();
};

/** Undoes the escaping the WHATWG FormData serializer applies to names and filenames. */
const unescapeFormValue = (value: string): string =>
  value.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/gi, '"');

const parseHeaders = (block: string): Map<string, string> => {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
};

const dispositionParam = (disposition: string, param: string): string | undefined => {
  // filename*=UTF-8''... (RFC 5987) wins over filename= when both are present.
  if (param === 'filename') {
    const extended = /filename\*=(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
    if (extended?.[1]) return decodeURIComponent(extended[1]);
  }
  const match = new RegExp(`(?:^|;)\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition);
  if (match?.[1] !== undefined) return unescapeFormValue(match[1].replace(/\\(.)/g, '$1'));
  const bare = new RegExp(`(?:^|;)\\s*${param}=([^;]+)`, 'i').exec(disposition);
  return bare?.[1]?.trim();
};

/** Splits a multipart body into its parts. Throws MultipartError on a malformed body. */
export const parseMultipart = (body: Buffer, boundary: string): MultipartPart[] => {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) throw new MultipartError('multipart body has no boundary line');
  for (;;) {
    position += delimiter.length;
    // "--" right after a delimiter closes the body.
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break;
    if (body[position] === 0x0d && body[position + 1] === 0x0a) position += 2;
    const headerEnd = body.indexOf('\r\n\r\n', position);
    if (headerEnd < 0) throw new MultipartError('multipart part without a header block');
    const headers = parseHeaders(body.subarray(position, headerEnd).toString('utf8'));
    const dataStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);
    if (next < 0) throw new MultipartError('multipart part is not terminated by a boundary');
    const disposition = headers.get('content-disposition') ?? '';
    const name = dispositionParam(disposition, 'name');
    if (name === undefined) throw new MultipartError('multipart part without a name');
    parts.push({
      name,
      filename: dispositionParam(disposition, 'filename'),
      contentType: headers.get('content-type'),
      data: Buffer.from(body.subarray(dataStart, next)),
    });
    position = next + 2;
  }
  return parts;
};
