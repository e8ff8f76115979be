// Writes what the docs generate from the code: the config's JSON Schema and the README's rule and front matter tables.
import { readFile, writeFile } from "node:fs/promises";
import { configJsonSchema } from "../dist/config/json-schema.js";
import { withFrontMatterTable } from "../dist/build/stages/meta/readme-table.js";
import { withRuleTable } from "../dist/diagnostics/rule-table.js";

await writeFile(new URL("../schema/wirefeed.config.schema.json", import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
const readme = new URL("../README.md", import.meta.url);
await writeFile(readme, withFrontMatterTable(withRuleTable(await readFile(readme, "utf8"))));
