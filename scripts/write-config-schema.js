// Regenerates schema/wirefeed.config.schema.json from the zod schema (after `npm run prepare`): `npm run schema`.
import { writeFile } from "node:fs/promises";
import { configJsonSchema } from "../dist/config/json-schema.js";

await writeFile(new URL("../schema/wirefeed.config.schema.json", import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
