import type { Rule } from "../define-rule.js";
import { answerFilled } from "./answer-filled.js";
import { answerImageCount } from "./answer-image-count.js";
import { answerPlaceholderLeft } from "./answer-placeholder-left.js";
import { answerWordCount } from "./answer-word-count.js";
import { imageExists } from "./image-exists.js";
import { templateStructure } from "./template-structure.js";

export const builtinRules: readonly Rule[] = [
  templateStructure,
  answerFilled,
  answerPlaceholderLeft,
  answerWordCount,
  answerImageCount,
  imageExists,
];
