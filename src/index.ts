/**
 * touchpoint: typed building blocks for software that handles customer interactions.
 *
 * @remarks
 * The root entry re-exports every area. Import from a subpath (`touchpoint/metrics`,
 * `touchpoint/schemas`, ...) to keep bundles small: each subpath is its own chunk and carries only
 * what it needs (`touchpoint/metrics` carries neither xstate nor zod).
 *
 * @module touchpoint
 */

export * from "./adapters/index.js";
export * from "./classify/index.js";
export * from "./conversation/index.js";
export * from "./host/index.js";
export * from "./journey/index.js";
export * from "./metrics/index.js";
export * from "./playbooks/index.js";
export * from "./schemas/index.js";
