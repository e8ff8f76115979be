import { describe, expect, it } from "vitest";
import { formatRfc3339 } from "../../src/text/date.js";

/** The offset Intl itself names ("GMT+05:30"), as wirefeed writes it (Z for none): an independent reading of the zone at one instant. */
function intlOffset(instant: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")!.value;
  const offset = name.replace("GMT", "");
  return offset === "" || offset === "+00:00" ? "Z" : offset;
}

// Days on which a zone's offset changes, some at odd hours or by odd amounts: the offset a
// formatted date carries is cached by UTC day, and must still change at the minute it does.
const transitions: [zone: string, day: string][] = [
  ["America/New_York", "2021-03-14"],
  ["America/New_York", "2021-11-07"],
  ["Europe/London", "2021-03-28"],
  ["Australia/Lord_Howe", "2021-04-04"],
  ["Australia/Lord_Howe", "2021-10-03"],
  ["America/St_Johns", "2021-11-07"],
  ["Africa/Casablanca", "2021-04-11"],
  ["Africa/Casablanca", "2021-05-16"],
  ["Pacific/Apia", "2011-12-30"],
  ["Pacific/Chatham", "2021-09-26"],
  ["Asia/Kolkata", "2021-06-01"],
  ["Europe/Amsterdam", "1937-07-01"],
];

describe("formatRfc3339 across a zone's offset changes", () => {
  it.each(transitions)("%s on %s, every five minutes from the day before to the day after", (zone, day) => {
    const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
    for (let at = start; at < start + 3 * 86_400_000; at += 5 * 60_000) {
      const instant = new Date(at);
      const formatted = formatRfc3339(instant, zone);
      expect(formatted.endsWith(intlOffset(instant, zone)), `${instant.toISOString()} in ${zone}: ${formatted}`).toBe(true);
      // The wall clock and the offset add up to the instant.
      expect(Math.floor(Date.parse(formatted) / 1000)).toBe(Math.floor(at / 1000));
    }
  });
});
