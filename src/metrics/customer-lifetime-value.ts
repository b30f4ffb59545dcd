import { checkRecord } from "../internal/args.js";
import { quote, TouchpointError } from "../internal/errors.js";
import { checkNumber } from "./survey-checks.js";

/**
 * Customer lifetime value from purchase history: average order value × purchase frequency × lifespan.
 *
 * @category Rates
 */
export interface PurchaseLifetimeValueInput {
  /** Selects this formula. */
  readonly method: "purchase";
  /** Average order value: revenue ÷ orders over the observed period. */
  readonly averageOrderValue: number;
  /** Orders per customer per period (e.g. per year): orders ÷ customers. */
  readonly purchaseFrequency: number;
  /** How many periods a customer stays, in the unit of `purchaseFrequency`. */
  readonly lifespan: number;
  /** Gross margin in percent, 0–100; 100 (a revenue figure) unless given. */
  readonly grossMargin?: number;
}

/**
 * Customer lifetime value of a subscription: margin per period ÷ churn per period.
 *
 * @category Rates
 */
export interface MarginLifetimeValueInput {
  /** Selects this formula. */
  readonly method: "margin";
  /** Average revenue per user (or account) per period. */
  readonly arpu: number;
  /** Gross margin in percent, 0–100; 100 (a revenue figure) unless given. */
  readonly grossMargin?: number;
  /** Churn rate per period in percent, greater than 0 (what {@link churnRate} returns). */
  readonly churnRate: number;
}

/**
 * Customer lifetime value with retention and discounting: m · r ÷ (1 + d − r).
 *
 * @category Rates
 */
export interface RetentionLifetimeValueInput {
  /** Selects this formula. */
  readonly method: "retention";
  /** Margin m a customer brings per period, after costs. */
  readonly margin: number;
  /** Retention rate r per period in percent, 0 to under 100 (what {@link retentionRate} returns). */
  readonly retentionRate: number;
  /** Discount rate d per period in percent, at least 0 (the cost of capital). */
  readonly discountRate: number;
}

/**
 * The inputs of {@link customerLifetimeValue}, one shape per formula, told apart by `method`.
 *
 * @category Rates
 */
export type CustomerLifetimeValueInput =
  | PurchaseLifetimeValueInput
  | MarginLifetimeValueInput
  | RetentionLifetimeValueInput;

const FN = "customerLifetimeValue";

function marginOf(value: number | undefined): number {
  if (value === undefined) return 1;
  checkNumber(FN, "grossMargin", value);
  if (value < 0 || value > 100) {
    throw new TouchpointError(
      "out_of_range",
      `${FN}: expected grossMargin to be a percentage 0–100, got ${quote(value)}`,
      {
        path: "grossMargin",
        value,
      },
    );
  }
  return value / 100;
}

/**
 * Returns a customer's lifetime value by one of three stated formulas, chosen by `method`.
 *
 * @remarks
 * - `"purchase"`: average order value × purchase frequency × lifespan (× gross margin), the common
 *   retail formula; e.g. $300 × 5 a year × 2 years = $3,000.
 * - `"margin"`: ARPU × gross margin ÷ churn rate, the subscription (SaaS) formula, in which
 *   1 ÷ churn is the expected lifespan in periods; e.g. $1,000 a month × 75 % ÷ 1 % = $75,000.
 *   Undiscounted.
 * - `"retention"`: m · r ÷ (1 + d − r), the infinite-horizon value of a customer with margin m per
 *   period, retention r and discount rate d, margins received at the end of each period
 *   (Gupta & Lehmann, "Customers as assets", Journal of Interactive Marketing 17(1), 2003).
 *
 * Rates and margins are percentages, as this area's rate calculators return them.
 *
 * @param input - the method and its figures (see {@link CustomerLifetimeValueInput})
 * @returns the lifetime value, in the currency of the money figures
 * @throws {@link TouchpointError} `not_finite` for a non-finite figure, `negative_value` for a
 *   negative money figure, frequency or lifespan, `out_of_range` for a percentage outside its range
 *   (a churn rate of 0 makes the lifetime infinite), `invalid_option` for an unknown method
 *
 * @example
 * ```ts
 * import { customerLifetimeValue } from "touchpoint/metrics";
 *
 * customerLifetimeValue({ method: "purchase", averageOrderValue: 300, purchaseFrequency: 5, lifespan: 2 }); // => 3000
 * customerLifetimeValue({ method: "margin", arpu: 1000, grossMargin: 75, churnRate: 1 }); // => 75000
 * // 100 × 0.8 ÷ (1 + 0.1 − 0.8) = 80 ÷ 0.3
 * customerLifetimeValue({ method: "retention", margin: 100, retentionRate: 80, discountRate: 10 }); // ≈ 266.67
 * customerLifetimeValue({ method: "margin", arpu: 50, churnRate: 0 }); // throws out_of_range
 * ```
 *
 * @category Rates
 */
export function customerLifetimeValue(input: CustomerLifetimeValueInput): number {
  checkRecord("customerLifetimeValue", "input", input);
  switch (input.method) {
    case "purchase": {
      const value = checkNumber(FN, "averageOrderValue", input.averageOrderValue, 0);
      const frequency = checkNumber(FN, "purchaseFrequency", input.purchaseFrequency, 0);
      const lifespan = checkNumber(FN, "lifespan", input.lifespan, 0);
      return value * frequency * lifespan * marginOf(input.grossMargin);
    }
    case "margin": {
      const arpu = checkNumber(FN, "arpu", input.arpu, 0);
      const churn = checkNumber(FN, "churnRate", input.churnRate, 0, true);
      if (churn > 100) {
        throw new TouchpointError(
          "out_of_range",
          `${FN}: expected churnRate to be a percentage 0–100, got ${quote(churn)}`,
          {
            path: "churnRate",
            value: churn,
          },
        );
      }
      return (arpu * marginOf(input.grossMargin) * 100) / churn;
    }
    case "retention": {
      const margin = checkNumber(FN, "margin", input.margin);
      const r = checkNumber(FN, "retentionRate", input.retentionRate, 0);
      const d = checkNumber(FN, "discountRate", input.discountRate, 0);
      if (r >= 100) {
        throw new TouchpointError(
          "out_of_range",
          `${FN}: expected retentionRate to be below 100 (at 100 the value is infinite), got ${quote(r)}`,
          { path: "retentionRate", value: r },
        );
      }
      // m · r ÷ (1 + d − r) with r and d as fractions, multiplied through by 100.
      return (margin * r) / (100 + d - r);
    }
    default: {
      const never: never = input;
      throw new TouchpointError(
        "invalid_option",
        `${FN}: expected method "purchase", "margin" or "retention", got ${quote((never as { method: unknown }).method)}`,
        { path: "method", value: (never as { method: unknown }).method },
      );
    }
  }
}
