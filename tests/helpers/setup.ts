import fc from "fast-check";

// CI runs every property with one fixed seed, so a submission's result does not depend on luck;
// local runs draw a new seed each time and explore further (`npm run fuzz` explores much further).
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.WIREFEED_PROPERTY_SEED ?? 20261127) });
