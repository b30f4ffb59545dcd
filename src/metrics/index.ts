/**
 * Pure calculators for the numbers a support team lives by: CSAT, NPS, CES, first contact
 * resolution, response and resolution times in calendar and business hours, SLA compliance,
 * retention, churn, conversion and lifetime value.
 *
 * @remarks
 * Every calculator is a plain function over plain data: no clock, no I/O, no runtime dependency
 * (neither xstate nor zod end up in a bundle that imports only this subpath). Each states its
 * formula and whose definition it follows (Zendesk, Intercom, Freshdesk, Chatwoot, Bain) in its docs.
 *
 * Conventions, the same everywhere:
 * - no data is a fact, not an error: an empty sample gives `null`, never `NaN`;
 * - a value the types cannot rule out (a score out of range, a non-integer, `NaN`, an end before its
 *   start) throws a {@link TouchpointError} whose message starts with the function's name and quotes
 *   the value and its index;
 * - every aggregate also comes as a mergeable accumulator (`add`, `merge`, `result`, JSON state), so
 *   the same figure can be computed over data split across workers, days or shards.
 *
 * @module metrics
 */

export { TouchpointError } from "../internal/errors.js";
