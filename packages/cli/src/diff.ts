import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";

/**
 * A unified diff of one file, as `git diff` names it (`a/PATH`, `b/PATH` relative to the working directory),
 * so that `git apply` or `patch -p1` applies it there. Empty when nothing changed.
 */
export function unifiedDiff(shown: string, before: string, after: string): string {
  if (before === after) return "";
  const path = shown.replaceAll("\\", "/");
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
