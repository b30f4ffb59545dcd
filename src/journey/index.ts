/**
 * The customer journey machine (work in progress).
 *
 * @module journey
 */
export {};
