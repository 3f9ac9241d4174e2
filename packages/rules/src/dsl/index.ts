export type * from "./ast.js";
export { checkExpression, describeQuestions, type ValueType } from "./checker.js";
export {
  callsRepository,
  compiledFromAst,
  compileExpression,
  MAX_NESTING,
  MAX_TOKENS,
  type ParseResult,
  parseExpression,
} from "./compile.js";
export {
  describeParams,
  FUNCTION_NAMES,
  FUNCTIONS,
  type FunctionName,
  type FunctionSignature,
  isFunctionName,
  type ParamKind,
  type ResultType,
} from "./functions.js";
export { expressionParsersBuilt } from "./parser.js";
export { collectReferences } from "./references.js";
export { closestMatch, editDistance } from "./suggest.js";
export type * from "./types.js";
