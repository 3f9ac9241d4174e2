export { type ParseOptions, parse, TEMPLATE_TITLE } from "./parse.js";
export { type FileProbe, findRepositoryRoot, nodeFileProbe } from "./resolve.js";
export { LineIndex } from "./source.js";
export type * from "./types.js";
export { proseWordCount, pythonSplitCount } from "./whitespace.js";
