// Types as registered with IANA: .ico is image/vnd.microsoft.icon, not the common image/x-icon.
const MEDIA_TYPES: ReadonlyMap<string, string> = new Map([
  ["jpg", "image/jpeg"],
  ["jpeg", "image/jpeg"],
  ["jpe", "image/jpeg"],
  ["jfif", "image/jpeg"],
  ["png", "image/png"],
  ["apng", "image/apng"],
  ["gif", "image/gif"],
  ["webp", "image/webp"],
  ["svg", "image/svg+xml"],
  ["svgz", "image/svg+xml"],
  ["avif", "image/avif"],
  ["bmp", "image/bmp"],
  ["ico", "image/vnd.microsoft.icon"],
  ["tif", "image/tiff"],
  ["tiff", "image/tiff"],
  ["heic", "image/heic"],
  ["heif", "image/heif"],
  ["jxl", "image/jxl"],
]);

// The host is not part of the path: "https://cdn.example.gif" and "//cdn.example.gif" have no extension.
const SCHEME_AND_HOST = /^(?:[a-z][a-z\d+.-]*:)?\/\/[^/?#]*/i;
const QUERY_OR_FRAGMENT = /[?#].*$/s;

/** The IANA-registered media type of an image URL or path from its extension (query and fragment ignored, case-insensitive), or undefined when unknown. */
export function imageMediaType(urlOrPath: string): string | undefined {
  const path = urlOrPath.trim().replace(SCHEME_AND_HOST, "").replace(QUERY_OR_FRAGMENT, "");
  const fileName = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  const dot = fileName.lastIndexOf(".");
  // A name that only starts with a dot (".png") is a hidden file without an extension.
  if (dot <= 0) return undefined;
  return MEDIA_TYPES.get(fileName.slice(dot + 1).toLowerCase());
}
