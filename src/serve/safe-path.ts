/**
 * Whether a request path (the raw one, before any URL normalisation) may be looked up in the served folder.
 * Anything that could climb out of it or hide a separator is refused, however it is encoded: `..` segments
 * (also `%2e%2e`, double-encoded or mixed), encoded slashes and backslashes, NUL, and paths that do not start
 * with exactly one `/`.
 */
export function isSafeRequestPath(rawPath: string): boolean {
  if (!rawPath.startsWith('/') || rawPath.startsWith('//')) return false;
  if (rawPath.length > 2048) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return false;
  }
  // Encoded separators or a second layer of encoding: never needed by the deck's own files.
  if (/%(2f|5c|25|00)/i.test(rawPath)) return false;
  if (/%[0-9a-f]{2}/i.test(decoded)) return false;
  if (decoded.includes('\\') || decoded.includes('\0')) return false;
  return !decoded.split('/').some((segment) => segment === '..' || segment === '.');
}
