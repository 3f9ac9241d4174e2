export type * from "./ast.js";
export { BUILTIN_FUNCTIONS, builtinFunctions } from "./builtin-functions.js";
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
export { functionTable } from "./function-docs.js";
export {
  type ArgValue,
  type DslFunction,
  defineFunction,
  describeParams,
  type FunctionDefinition,
  FunctionRegistry,
  type FunctionScope,
  type FunctionScopes,
  type ParamKind,
  type ParamValues,
  type ResultType,
} from "./functions.js";
export { expressionParsersBuilt } from "./parser.js";
export { collectReferences } from "./references.js";
export { closestMatch, editDistance } from "./suggest.js";
export type * from "./types.js";
