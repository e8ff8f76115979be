// Media types that a news feed's enclosures can carry, each registered in the
// IANA media types registry (https://www.iana.org/assignments/media-types/).
// Kept short on purpose: a type our outputs start using must be added here
// after checking the registry, which is the point of the check.
const REGISTERED = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/svg+xml",
  "image/tiff",
  "image/bmp",
  "image/heic",
  "image/heif",
  "audio/mpeg",
  "audio/mp4",
  "audio/aac",
  "audio/ogg",
  "audio/opus",
  "audio/vnd.wave",
  "video/mp4",
  "video/mpeg",
  "video/ogg",
  "video/quicktime",
  "video/3gpp",
  "application/pdf",
  "application/epub+zip",
  "application/zip",
]);

// Unregistered names that tools commonly emit, with the registered type meant.
const REGISTERED_NAME_FOR = new Map([
  ["image/jpg", "image/jpeg"],
  ["image/pjpeg", "image/jpeg"],
  ["image/svg", "image/svg+xml"],
  ["image/x-png", "image/png"],
  ["audio/mp3", "audio/mpeg"],
  ["audio/x-m4a", "audio/mp4"],
  ["audio/wav", "audio/vnd.wave"],
  ["audio/x-wav", "audio/vnd.wave"],
]);

/** Why `type` is not a registered media type an enclosure may use, or undefined when it is one. */
export function mediaTypeProblem(type: string): string | undefined {
  // Parameters (";codecs=...") do not change the registration of the type itself.
  const essence = type.split(";")[0]?.trim().toLowerCase() ?? "";
  if (REGISTERED.has(essence)) return undefined;
  const meant = REGISTERED_NAME_FOR.get(essence);
  if (meant !== undefined) return `"${type}" is not a registered media type; the registered name is ${meant}`;
  return `"${type}" is not one of the registered media types this check knows (tests/support/media-types.ts)`;
}
