import type { Rule } from "../define-rule.js";
import { answerExampleCopied } from "./answer-example-copied.js";
import { answerFilled } from "./answer-filled.js";
import { answerFormat } from "./answer-format.js";
import { answerImageCount } from "./answer-image-count.js";
import { answerPlaceholderLeft } from "./answer-placeholder-left.js";
import { answerWordCount } from "./answer-word-count.js";
import { checklistConsistency } from "./checklist-consistency.js";
import { checklistMarks } from "./checklist-marks.js";
import { checklistRepository } from "./checklist-repository.js";
import { imageExists } from "./image-exists.js";
import { imageFormat } from "./image-format.js";
import { imageInCode } from "./image-in-code.js";
import { imageOutsideReport } from "./image-outside-report.js";
import { imageUnrendered } from "./image-unrendered.js";
import { linksLocal } from "./links-local.js";
import { templateStructure } from "./template-structure.js";

export const builtinRules: readonly Rule[] = [
  templateStructure,
  answerFilled,
  answerPlaceholderLeft,
  answerWordCount,
  answerImageCount,
  answerExampleCopied,
  answerFormat,
  imageExists,
  imageFormat,
  imageInCode,
  imageOutsideReport,
  imageUnrendered,
  checklistMarks,
  checklistConsistency,
  checklistRepository,
  linksLocal,
];
