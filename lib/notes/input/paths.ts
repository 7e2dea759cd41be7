// Paths inside an upload (zip entries, walked folders) are untrusted: one that climbs out of the
// upload root, is absolute, or uses backslashes (a Windows path smuggled past `/` checks) is
// refused for that entry alone.

export type PathCheck = { ok: true; path: string } | { ok: false; message: string };

export function checkRelativePath(raw: string): PathCheck {
  if (raw.includes("\\")) return { ok: false, message: "path uses backslashes; refused" };
  if (/[\u0000-\u001f]/.test(raw)) return { ok: false, message: "path contains control characters; refused" };
  if (raw.startsWith("/") || /^[A-Za-z]:/.test(raw)) {
    return { ok: false, message: "absolute path; refused (entries must stay inside the upload)" };
  }
  const segments: string[] = [];
  for (const segment of raw.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") return { ok: false, message: "path escapes the upload root (..); refused" };
    segments.push(segment);
  }
  if (segments.length === 0) return { ok: false, message: "empty path; refused" };
  return { ok: true, path: segments.join("/") };
}
