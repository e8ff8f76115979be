// Preloaded into every measured process (node --import): reports its peak resident set size,
// threads included, when it exits.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const file = process.env.WIREFEED_BENCH_RSS;
  // maxRSS is in kibibytes.
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
