export { memoizeText } from "./memo.js";
export { type ParseOptions, parse, TEMPLATE_TITLE } from "./parse.js";
// What `parse` hands the markdown parser: the text with its plain checklist blocks blanked out.
export { blankOut, findPlainBlocks, type PlainBlock } from "./plain-checklist.js";
export {
  decodeUtf8,
  describeErrorCode,
  describeReadFailure,
  FileReadError,
  formatBytes,
  type ReadFailure,
  readRegularFile,
} from "./read-file.js";
export * from "./repository/index.js";
// Links resolve exactly as images do.
export {
  decodeUrlPath,
  type FileProbe,
  findRepositoryRoot,
  nodeFileProbe,
  type Resolution,
  resolveImage,
  resolveImage as resolveLink,
} from "./resolve.js";
export { isParsedSection, type ParsedSection, SECTION_PARSER, type SectionStore } from "./sections.js";
export * from "./shape-check.js";
export { LineIndex } from "./source.js";
export type * from "./types.js";
export { proseWordCount, pythonSplitCount } from "./whitespace.js";
