/**
 * A page saved as one file by Chrome, Edge or Opera ("Webpage, Single File", .mhtml) or by Internet
 * Explorer (.mht): a MIME message (RFC 2557) whose first HTML part is the page, in quoted-printable or
 * base64, the page's images and stylesheets in the parts after it.
 */

/** The page inside: its bytes as saved, the charset its part names, and where it came from. */
export interface MhtmlPage {
  html: Uint8Array;
  charset?: string;
  location?: string;
}

const latin1 = new TextDecoder("windows-1252");

/** Whether a file's opening bytes are a MIME message's headers (the start of an .mhtml file). */
export function looksLikeMhtml(head: Uint8Array): boolean {
  const text = latin1.decode(head.subarray(0, 4096));
  const headers = text.split(/\r?\n\r?\n/u)[0] ?? "";
  return (
    /^(?:from|subject|date|mime-version|snapshot-content-location|content-type)\s*:/imu.test(headers) &&
    /^content-type\s*:\s*multipart\/related/imu.test(unfold(headers))
  );
}

/** Headers with their continuation lines joined (RFC 5322 folding). */
const unfold = (headers: string): string => headers.replace(/\r?\n[ \t]+/gu, " ");

/** A header's value, and one of its parameters. */
function header(headers: string, name: string): string | undefined {
  return new RegExp(`^${name}\\s*:\\s*(.*)$`, "imu").exec(unfold(headers))?.[1]?.trim();
}
function parameter(value: string | undefined, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "iu").exec(value ?? "");
  return match?.[1] ?? match?.[2];
}

/** Quoted-printable (RFC 2045 §6.7) to bytes: soft line breaks removed, =XX decoded. */
function quotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/gu, "");
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const hex = text[index] === "=" ? /^[0-9A-Fa-f]{2}$/u.exec(text.slice(index + 1, index + 3))?.[0] : undefined;
    if (hex !== undefined) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else bytes.push(text.charCodeAt(index) & 0xff);
  }
  return Uint8Array.from(bytes);
}

/**
 * The first text/html part of an MHTML file, or undefined when there is none (not MHTML, or no page in it).
 * @param bytes the whole file
 */
export function mhtmlPage(bytes: Uint8Array): MhtmlPage | undefined {
  // Headers and quoted-printable or base64 bodies are ASCII; an 8bit body is read back byte for byte.
  const text = latin1.decode(bytes);
  const split = /\r?\n\r?\n/u.exec(text);
  if (split === null) return undefined;
  const headers = text.slice(0, split.index);
  const boundary = parameter(header(headers, "content-type"), "boundary");
  if (boundary === undefined) return undefined;
  const parts = text
    .slice(split.index + split[0].length)
    .split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}(?:--)?[ \\t]*\\r?\\n?`, "u"));
  for (const part of parts) {
    const end = /\r?\n\r?\n/u.exec(part);
    if (end === null) continue;
    const partHeaders = part.slice(0, end.index);
    const type = header(partHeaders, "content-type");
    if (!/^text\/html\b/iu.test(type ?? "")) continue;
    const body = part.slice(end.index + end[0].length);
    const encoding = header(partHeaders, "content-transfer-encoding")?.toLowerCase();
    const html =
      encoding === "quoted-printable"
        ? quotedPrintable(body)
        : encoding === "base64"
          ? Uint8Array.from(Buffer.from(body.replace(/\s+/gu, ""), "base64"))
          : Uint8Array.from(body, (character) => character.charCodeAt(0) & 0xff);
    const charset = parameter(type, "charset");
    const location = header(partHeaders, "content-location") ?? header(headers, "snapshot-content-location");
    return { html, ...(charset === undefined ? {} : { charset }), ...(location === undefined ? {} : { location }) };
  }
  return undefined;
}
