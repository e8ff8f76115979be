import { configPositions } from "../../config/load.js";
import type { BuildContext, HubPing, PingPolicy, Stage } from "../context.js";
import { tally } from "./collect.js";

/**
 * How hard a hub is tried by default: each request 10 s at most, 3 attempts with the wait doubling
 * from 1 s, and 60 s for all the pinging of a build, so that a hub that is down or slow never holds
 * a scheduled build for long.
 */
const defaultPolicy: PingPolicy = { timeoutMs: 10_000, attempts: 3, backoffMs: 1_000, totalMs: 60_000 };

/** Requests to one hub at a time: a cold build of a newsroom changes a thousand feeds. */
const lanesPerHub = 4;

/** Whether this build pings: --ping or `ping: true`, with hubs in the config, and not a dry run. */
export const pingRequested = (context: BuildContext): boolean =>
  (context.options.ping === true || context.config.ping) && context.config.hubs.length > 0 && context.options.dryRun !== true;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One publish request (WebSub's common practice: hub.mode=publish, hub.url=<feed>), retried on a network error, a timeout, 429 or 5xx. */
async function publish(
  hub: string,
  url: string,
  policy: PingPolicy,
  deadline: number,
): Promise<{ ok: true; requests: number } | { ok: false; requests: number; error: string }> {
  let error = "";
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const left = deadline - Date.now();
    if (left <= 0) return { ok: false, requests: attempt - 1, error: error || "out of time for pinging" };
    try {
      const answer = await fetch(hub, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ "hub.mode": "publish", "hub.url": url }).toString(),
        signal: AbortSignal.timeout(Math.min(policy.timeoutMs, left)),
        redirect: "follow",
      });
      await answer.body?.cancel();
      if (answer.ok) return { ok: true, requests: attempt };
      error = `HTTP ${answer.status}`;
      // A 4xx other than 429 says the request is wrong: asking again would not change the answer.
      if (answer.status < 500 && answer.status !== 429) return { ok: false, requests: attempt, error };
    } catch (caught) {
      const reason = caught as Error & { cause?: { code?: string } };
      error = reason.name === "TimeoutError" ? `no answer within ${Math.min(policy.timeoutMs, left)} ms` : (reason.cause?.code ?? reason.message);
    }
    if (attempt < policy.attempts) await sleep(Math.min(policy.backoffMs * 2 ** (attempt - 1), Math.max(0, deadline - Date.now())));
  }
  return { ok: false, requests: policy.attempts, error };
}

/**
 * Tells one hub of every changed feed, a few at a time. A feed that fails after its retries stops
 * the rest for that hub: a hub that is down would fail them all, slowly.
 */
async function pingHub(hub: string, urls: readonly string[], policy: PingPolicy, deadline: number): Promise<HubPing> {
  const started = Date.now();
  let accepted = 0;
  let requests = 0;
  let error: string | undefined;
  let next = 0;
  const lane = async () => {
    while (next < urls.length && error === undefined) {
      const result = await publish(hub, urls[next++]!, policy, deadline);
      requests += result.requests;
      if (result.ok) accepted++;
      else error ??= result.error;
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanesPerHub, urls.length) }, lane));
  return { hub, feeds: urls.length, accepted, ok: error === undefined, requests, ...(error !== undefined ? { error } : {}), ms: Date.now() - started };
}

/**
 * The stage after write: once the new output is in place, tells every hub in `hubs` of each feed
 * whose bytes changed (none when nothing changed: an unchanged build pings nothing). A hub that
 * fails is a warning, hub-ping-failed, and with --strict it fails the build; the output stays.
 */
export const ping: Stage = async (context) => {
  if (!pingRequested(context) || context.changedFeeds.length === 0) return;
  const policy = { ...defaultPolicy, ...context.options.pingPolicy };
  const deadline = Date.now() + policy.totalMs;
  const urls = [...context.changedFeeds].sort();
  context.pings = await Promise.all(context.config.hubs.map((hub) => pingHub(hub, urls, policy, deadline)));
  if (context.pings.every((result) => result.ok)) return;
  // Each warning points at its hub in the config's `hubs`.
  const at = configPositions(context.configPath);
  for (const [index, result] of context.pings.entries()) {
    if (result.ok) continue;
    context.diagnostics.push({
      rule: "hub-ping-failed",
      severity: "warning",
      message: `The WebSub hub ${result.hub} was told of ${result.accepted} of ${result.feeds} changed feeds: ${result.error} (${result.requests} requests)`,
      hint: "The feeds are written; check the hub's URL and whether it is up. The next build that changes these feeds pings again.",
      file: context.display(context.configPath),
      ...(await at(["hubs", index])),
    });
  }
  tally(context);
};
