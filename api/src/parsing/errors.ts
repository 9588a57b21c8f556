/**
 * Why a file was refused, in words for the person who uploaded it. Parsers
 * throw these; the bounded runner turns them into a failed outcome (never a
 * retry: the same file fails the same way).
 */

/** The file is not what it claims to be, or is damaged. */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

/** The file is readable but exceeds one of the {@link ParseLimits}. */
export class FileLimitError extends Error {
  override name = 'FileLimitError';
}
