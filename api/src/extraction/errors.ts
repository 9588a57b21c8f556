/**
 * Why a document could not be read, in words for the person who uploaded it
 * ("PDF has no text layer"). They are the bounded parser runner's own error
 * classes, so that a refusal inside its worker thread comes back as
 * `unreadable` / `too-large` — a failed job, never a retry: the same file
 * fails the same way every time.
 */
export { UnreadableFileError as UnreadableDocumentError, FileLimitError as DocumentLimitError } from '../parsing/errors.js';
