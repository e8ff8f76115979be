import fc from "fast-check";
import { afterAll } from "vitest";
import { removeTempDirs } from "./temp.js";

// CI runs every property with one fixed seed, so a submission's result does not depend on luck;
// local runs draw a new seed each time and explore further (`npm run fuzz` explores much further).
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.WIREFEED_PROPERTY_SEED ?? 20261127) });

// A run of the suite made some seven hundred folders in the system's temporary folder and left them there.
afterAll(removeTempDirs);
