import { existsSync } from "node:fs";
import path from "node:path";
import { profiles } from "./registry.js";
import type { ProfileName } from "./types.js";

/**
 * Names the tool whose site a folder is, by the tool's own config file (`hugo.toml`, `_config.yml`,
 * `eleventy.config.js`, `astro.config.mjs`...); then by its content layout alone, for a site whose
 * config was left out; `wirefeed` when nothing matches.
 * @param root the site folder
 */
export function detectProfile(root: string): ProfileName {
  const has = (marker: string) => existsSync(path.join(root, marker));
  for (const profile of profiles) if (profile.markers.some(has)) return profile.name;
  for (const profile of profiles) if (profile.looksLike(root)) return profile.name;
  return "wirefeed";
}
