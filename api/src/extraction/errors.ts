/**
 * Why a document could not be read, in words for the person who uploaded it
 * ("PDF has no text layer"). The same file fails the same way every time, so
 * a job that meets one of these fails at once instead of retrying.
 */
export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
}

/** The document is readable but larger than a configured limit allows. */
export class DocumentLimitError extends Error {
  override name = 'DocumentLimitError';
}
