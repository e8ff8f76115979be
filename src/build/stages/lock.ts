import { errorDiagnostic } from "../../diagnostics/diagnostic.js";
import { acquireOutputLock, onInterrupt, releaseLocksSync } from "../runtime/lock.js";
import type { Stage } from "../context.js";
import { abandonOutputSync, recoverOutput } from "./write.js";

/**
 * One build at a time per output folder, from reading the previous output to swapping in the new
 * one; a signal undoes a half-written output and frees the lock, even one still being created. A
 * build killed outright may have left the previous output renamed aside, and staging and spool
 * folders: they are put back and cleared before anything reads the previous output.
 */
export const lockOutput: Stage = async (context) => {
  const { options, outDir, display } = context;
  if (options.dryRun) return;
  const stopWatching = onInterrupt(() => {
    try {
      abandonOutputSync(outDir);
    } finally {
      releaseLocksSync();
    }
  });
  const locked = await acquireOutputLock(outDir, options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs });
  if (!locked.ok) {
    stopWatching();
    const holder = locked.holder ? `build ${locked.holder.pid} on ${locked.holder.hostname}, started ${locked.holder.startedAt}` : "another build";
    context.diagnostics.push({
      ...errorDiagnostic(
        "output-locked",
        `The output folder ${display(outDir)} is being written by ${holder}; gave up waiting after ${(locked.waitedMs / 1000).toFixed(1)} s`,
        `Wait for that build to finish. If it is not running, delete ${display(locked.file)}.`,
      ),
      file: display(locked.file),
    });
    context.end = "setup-failed";
    return;
  }
  context.lock = { release: () => locked.lock.release(), stopWatching };
  await recoverOutput(outDir);
};
