import path from "node:path";
import type { Config } from "../../../config/schema.js";
import type { Diagnostic } from "../../../diagnostics/diagnostic.js";
import { isValidTimeZone } from "../../../text/date.js";
import type { DiscoveryOptions } from "../read.js";
import { ToolConfigError } from "./common.js";
import { detectProfile } from "./detect.js";
import { profileFor } from "./registry.js";
import type { SiteFacts } from "./types.js";

/**
 * What the build knows of the site before reading any article: its profile (`auto` resolved) and
 * what that tool's own config says; a tool config that cannot be parsed is a setup failure.
 * @param config the validated wirefeed config
 * @param root the site (articles) folder
 * @param display how the build shows a path
 */
export async function resolveSite(
  config: Config,
  root: string,
  display: (file: string) => string,
): Promise<{ ok: true; site: SiteFacts } | { ok: false; diagnostic: Diagnostic }> {
  const name = config.profile === "auto" ? detectProfile(root) : config.profile;
  if (name === "wirefeed") return { ok: true, site: { profile: name, basePath: "/", ignoreKeys: config.ignoreKeys, settings: {} } };
  try {
    const facts = await profileFor(name).readSite(root);
    if (facts.timeZone !== undefined && !isValidTimeZone(facts.timeZone))
      throw new ToolConfigError(root, `its time zone "${facts.timeZone}" is not an IANA time zone name, such as Europe/Berlin`);
    return { ok: true, site: { profile: name, ignoreKeys: config.ignoreKeys, ...facts } };
  } catch (error) {
    const file = error instanceof ToolConfigError ? error.file : root;
    return {
      ok: false,
      diagnostic: {
        rule: "invalid-tool-config",
        severity: "error",
        message: `The ${name} config cannot be read as data: ${(error as Error).message.split("\n")[0]}`,
        hint: `Fix the file so that ${name} itself accepts it, or set "profile" in wirefeed.config.json to the tool the site is made with.`,
        file: display(file),
        ...(error instanceof ToolConfigError && error.line ? { line: error.line, column: error.column ?? 1 } : {}),
      },
    };
  }
}

/**
 * Where discovery looks for a site's articles: the profile's content folders and extensions, never
 * the output or cache folders.
 * @param exclude absolute folders the build writes
 */
export function discoveryFor(site: SiteFacts, root: string, exclude: readonly string[]): DiscoveryOptions {
  const options: DiscoveryOptions = { exclude: exclude.map((folder) => path.resolve(folder)) };
  if (site.profile === "wirefeed") return options;
  const profile = profileFor(site.profile);
  return { ...options, folders: profile.contentDirs(site), extensions: profile.extensions, accept: (relative) => profile.isCandidate(relative, site, root) };
}
