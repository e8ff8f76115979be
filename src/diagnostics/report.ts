import type { Diagnostic } from "./diagnostic.js";

const place = (d: Diagnostic): string => (d.file === undefined ? "wirefeed" : d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`);

/** Orders diagnostics by file, then position, so a report reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule),
  );
}

/**
 * Control characters as escapes (`\n` as `\x0a`): a file name or value holding a newline or a
 * terminal escape would otherwise print a line of its own, such as a forged diagnostic.
 */
export const printable = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, "0")}`);

/** Formats diagnostics as `file:line:column severity message [rule]` with the hint below, grouped by file. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const d of sortDiagnostics(diagnostics)) {
    if (previousFile !== undefined && d.file !== previousFile) lines.push("");
    previousFile = d.file;
    lines.push(printable(`${place(d)} ${d.severity} ${d.message} [${d.rule}]`));
    lines.push(printable(`  hint: ${d.hint}`));
  }
  return lines.join("\n");
}

/** One line that counts errors and warnings. */
export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  // A problem of no file (--now, the command line) is not "in 1 file".
  const files = new Set(diagnostics.flatMap((d) => (d.file === undefined ? [] : [d.file]))).size;
  const counts = `${counted(errors, "error")}, ${counted(warnings, "warning")}`;
  return files === 0 ? counts : `${counts} in ${counted(files, "file")}`;
}

/**
 * A count and its noun, singular for one ("1 article", "0 articles", "2 drafts").
 * @param n the count
 * @param word the noun, singular; its plural adds an s
 */
export const counted = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** GitHub Actions workflow commands, so problems show on the pull request's files. */
export function formatGithubAnnotations(diagnostics: readonly Diagnostic[]): string {
  const escapeData = (s: string) => s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
  const escapeProperty = (s: string) => escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const properties = [
        d.file !== undefined ? `file=${escapeProperty(d.file)}` : undefined,
        d.line !== undefined ? `line=${d.line}` : undefined,
        d.column !== undefined ? `col=${d.column}` : undefined,
        `title=${escapeProperty(d.rule)}`,
      ].filter(Boolean);
      // A message that already ends a sentence gets no second full stop.
      const sentence = /[.!?]$/.test(d.message) ? d.message : `${d.message}.`;
      return `::${d.severity === "error" ? "error" : "warning"} ${properties.join(",")}::${escapeData(`${sentence} ${d.hint}`)}`;
    })
    .join("\n");
}
