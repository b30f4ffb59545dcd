/**
 * A business schedule for the warehouse bench and tests: an office in Berlin open on weekdays,
 * 09:00–12:30 and 13:30–17:00, closed on three holidays around the turn of 2027 (so that random
 * pairs cross both clock changes, the lunch break and the holidays).
 */
export const berlinOffice = {
  timeZone: "Europe/Berlin",
  hours: Object.fromEntries(
    ["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => [
      d,
      [
        { start: "09:00", end: "12:30" },
        { start: "13:30", end: "17:00" },
      ],
    ]),
  ),
  holidays: ["2026-12-25", "2026-12-26", "2027-01-01"],
};
