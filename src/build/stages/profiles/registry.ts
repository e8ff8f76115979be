import { astro } from "./astro.js";
import { eleventy } from "./eleventy.js";
import { hugo } from "./hugo.js";
import { jekyll } from "./jekyll.js";
import type { Profile, ProfileName } from "./types.js";

/** The tool profiles, in the order `auto` tries their markers. */
export const profiles: readonly Profile[] = [hugo, jekyll, eleventy, astro];

/** The profile of a tool; wirefeed's own layout has none (its articles take the plain path). */
export function profileFor(name: Exclude<ProfileName, "wirefeed">): Profile;
export function profileFor(name: ProfileName): Profile;
export function profileFor(name: ProfileName): Profile {
  const found = profiles.find((profile) => profile.name === name);
  if (!found) throw new Error(`No profile named ${name}`);
  return found;
}
