// Where to send someone after signing in. `next` comes from the address bar, so
// it is anyone's to write: it is resolved against this site's own origin and
// used only when it stays there. Browsers strip tabs and newlines from URLs and
// read `\` as `/`, so `/\t/evil.test` or `/\evil.test` would leave the site
// although they start with one slash: such targets are refused outright.

const DEFAULT_TARGET = '/';
/** C0 controls, DEL and backslashes, in the decoded value. */
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/** A same-origin path (with query and fragment) for `next`, or `/`. */
export function safeRedirectTarget(next: string | null | undefined, origin: string): string {
  if (!next || UNSAFE.test(next) || !next.startsWith('/') || next.startsWith('//')) return DEFAULT_TARGET;
  let target: URL;
  try {
    target = new URL(next, origin);
  } catch {
    return DEFAULT_TARGET;
  }
  if (target.origin !== new URL(origin).origin) return DEFAULT_TARGET;
  // Re-serialised by URL: percent-encoded, so it is always a valid Location header.
  return `${target.pathname}${target.search}${target.hash}`;
}
