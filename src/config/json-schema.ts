import { z } from "zod";
import { configSchema } from "./schema.js";

/** The JSON Schema of wirefeed.config.json, for editors, generated from the one zod schema. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" }),
    $id: "https://wirefeed.dev/schema/wirefeed.config.schema.json",
    title: "wirefeed.config.json",
  };
}
