/*
 * Sparklines for the text report: a trend as a row of block characters (▁▂▃▄▅▆▇█), one per day or
 * week, scaled from the row's lowest to its highest value. They are printed only to a terminal;
 * piped or redirected, the report stays plain text, with each trend's range and last value only.
 */

const BLOCKS = "▁▂▃▄▅▆▇█";

/** One block per value, from the row's minimum (▁) to its maximum (█); a space for no value. */
export function sparkline(values: readonly (number | null)[]): string {
  const data = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (data.length === 0) return " ".repeat(values.length);
  const lo = Math.min(...data);
  const hi = Math.max(...data);
  const top = BLOCKS.length - 1;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return " ";
      const k = hi === lo ? Math.round(top / 2) : Math.round(((v - lo) / (hi - lo)) * top);
      return BLOCKS[k] as string;
    })
    .join("");
}
