import { readFileSync } from "node:fs";

/** wirefeed's version, from its package.json: part of every cache key. */
export const version: string = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
