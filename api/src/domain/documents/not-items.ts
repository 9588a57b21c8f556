/**
 * Lines that carry numbers but are not requested items: totals, references,
 * dates, addresses, phone numbers, terms. Checked before a line is read as
 * an item, so "Total: 250 pcs" or "10 Anson Road #12-01" never become items.
 */

const LEADING_KEYWORD = new RegExp(
  '^(?:' +
    [
      'total', 'sub-?total', 'grand total', 'jumlah(?: besar)?', 'amount', 'gst', 'vat', 'tax', 'discount',
      'ref(?:erence)?', 'our ref', 'your ref', 'rfq', 'p\\.?o\\.?', 'purchase order', 'quotation', 'quote', 'invoice', 'order no',
      'date', 'tarikh', 'tanggal', 'dated', 'deadline', 'closing',
      'tel', 'telephone', 'phone', 'mobile', 'hp', 'h/p', 'fax', 'e-?mail', 'whatsapp',
      'attn', 'attention', 'address', 'alamat', 'site', 'location', 'deliver(?:y)?(?: to| address| date| by| within| time| lead time)?', 'lead time',
      'payment', 'terms?', 'validity', 'valid', 'warranty', 'uen', 'reg(?:istration)?(?: no)?', 'account', 'bank', 'swift',
      's/n', 'serial(?: no| number)?', 'subject', 'dear', 'hi', 'hello', 'page', 'from', 'to', 'cc', 'sent',
      '合计', '总计', '小计', '日期', '电话', '地址', '编号',
    ].join('|') +
    ')\\b',
  'i',
);

/** A phone number: an international prefix, or 8+ digits in groups (Singapore's 8-digit numbers too). */
const PHONE = /(?:\+\d{1,3}[\s-]?)?\(?\d{2,4}\)?[\s-]\d{3,4}[\s-]?\d{3,4}\b|\+\d{7,}|\b[3689]\d{3}\s?\d{4}\b/;
/** Unit numbers (#12-01) and postcodes after a city name. */
const ADDRESS = /#\d{1,3}-\d{1,5}\b|\b(?:singapore|malaysia|indonesia|jakarta|kuala lumpur|johor bahru)\s*\d{5,6}\b|\b(?:road|rd|street|st|avenue|ave|jalan|jln|lorong|drive|crescent|industrial park|blk|block)\b.*\d{5,6}\b/i;
const DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b/i;
/** A reference number: letters and digits joined by dashes or slashes with a year or a long run of digits. */
const REFERENCE = /\b[A-Z]{2,5}[-/]\d{4}[-/]\d{2,}\b|\b(?:no|nos|number)\.?\s*[:#]\s*[A-Z0-9-/]{4,}/i;

export function notAnItemLine(text: string): string | undefined {
  const value = text.trim();
  if (LEADING_KEYWORD.test(value)) return 'a heading, total, reference or term';
  if (PHONE.test(value)) return 'a phone number';
  if (ADDRESS.test(value)) return 'an address';
  if (DATE.test(value)) return 'a date';
  if (REFERENCE.test(value)) return 'a reference number';
  return undefined;
}

/** A table row that closes the item table: totals and sums. */
export const TOTAL_ROW = /^(?:sub-?total|grand total|total(?: amount| price| qty| quantity)?|jumlah(?: besar| keseluruhan)?|合计|总计|小计)\b/i;

/** Rows that continue a table over a page break without being items. */
export const CARRIED_ROW = /\b(?:carried forward|brought forward|continued|bersambung|续)\b/i;
