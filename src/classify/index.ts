/**
 * Classifiers of customer messages (work in progress).
 *
 * @module classify
 */
export {};
