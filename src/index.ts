export { build, type BuildOptions, type BuildResult } from "./build/index.js";
export type { Diagnostic, Severity } from "./diagnostics/diagnostic.js";
export type { Config } from "./config/schema.js";
export { formatDiagnostics } from "./diagnostics/report.js";
export { version } from "./version.js";
