import PostalMime from 'postal-mime';
import type { ExtractedDocument, TextLine } from '../domain/documents/document-structure.js';
import { MEDIA_TYPES } from './detect-kind.js';
import { htmlText } from './html-text.js';
import { UnreadableDocumentError } from './errors.js';
import type { ExtractionLimits } from './limits.js';
import { textLines } from './text.js';

/**
 * The body of an e-mail (.eml) as numbered lines: headers decoded and left
 * out, the HTML part read when there is no text part, and what the sender
 * did not write in this message dropped — quoted replies and the forwarded
 * history below "On … wrote:" or "-----Original Message-----", and the
 * signature after the sign-off ("Regards," …) or the "-- " delimiter, which
 * holds the phone numbers and addresses that are not requested items.
 */
export async function extractEmail(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  let body: string;
  try {
    const email = await PostalMime.parse(bytes);
    body = email.text ?? (email.html ? htmlText(email.html) : '');
  } catch (error) {
    throw new UnreadableDocumentError(`the e-mail could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const lines = authoredLines(textLines(body, limits));
  if (lines.length === 0) throw new UnreadableDocumentError('the e-mail has no text of its own (only quoted or empty)');
  return { kind: 'email', mediaType: MEDIA_TYPES.email, blocks: [{ type: 'text', lines }], numberFormat: { decimalSeparator: '.' } };
}

const QUOTED_HISTORY = [
  /^on .{4,200} wrote:$/i,
  /^-{2,}\s*(original message|forwarded message)\s*-{2,}$/i,
  /^from: .+$/i, // Outlook's reply header block ("From: … Sent: … To: …")
  /^pada .{4,200} menulis:$/i, // Malay/Indonesian clients
  /^_{10,}$/,
];
const SIGNATURE_START = /^(?:--|—)$/;
const SIGN_OFF =
  /^(?:(?:best|kind|warm|many)?\s*regards|thanks(?: (?:and|&) (?:best )?regards)?|thank you|cheers|sincerely|yours (?:sincerely|faithfully|truly)|best wishes|terima kasih|salam|sekian|此致|谢谢)[,.!]?$/i;

export function authoredLines(lines: readonly TextLine[]): TextLine[] {
  const kept: TextLine[] = [];
  for (const line of lines) {
    const text = line.text;
    if (QUOTED_HISTORY.some((pattern) => pattern.test(text)) || SIGNATURE_START.test(text) || SIGN_OFF.test(text)) break;
    if (text.startsWith('>')) continue;
    kept.push(line);
  }
  return kept;
}
