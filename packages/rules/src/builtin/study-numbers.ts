/** An `s` and a run of digits or X: study numbers, the example's `sXXXXXX`, and study numbers mistyped. */
export const STUDY_LIKE = /\bs[\dx]+\b/gi;

/**
 * What a `STUDY_LIKE` match is: a study number (an s and six digits), the example's `sXXXXXX` (X among 4-8
 * characters), a study number with a digit missing or extra (4-8 digits), or none of these.
 */
export function studyLikeKind(match: string): "study-number" | "example" | "mistyped" | "other" {
  const rest = match.slice(1);
  const digitsOnly = /^\d+$/.test(rest);
  if (digitsOnly && rest.length === 6) return "study-number";
  if (rest.length < 4 || rest.length > 8) return "other";
  return digitsOnly ? "mistyped" : "example";
}
