// The vocabularies the hostile generators draw from, read from the library itself.
export { handlers } from "../../src/conversation/index.js";
export { journeyEventTypes } from "../../src/journey/index.js";
