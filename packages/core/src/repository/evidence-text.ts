/**
 * The part of a file's text that can be evidence of work: what a search of the repository reads. Lines that only
 * claim or mention work are blanked (kept as empty lines, so that line numbers stay): a task-list line (`- [ ]
 * Load test your application`) is a copy of a checklist, whoever wrote it, and a comment in code or config
 * (`# Load test dataset`, a `# - run: ruff check` left commented out) is not code that runs. A file whose
 * opening says it comes from another project (a licence grant, "copied from …", a copyright with the author's
 * address) is that project's code, copied in: none of it is the group's evidence.
 */

/** A markdown task-list item: a bullet or number, then a box. */
const TASK_LINE = /^[ \t>]*(?:[-*+]|\d+[.)])[ \t]+\[[^\]\n]{0,3}\]/;

/** Files whose `#` starts a comment: Python, shell, YAML, TOML, INI-like configs, requirement lists, Docker and make files. */
const HASH_COMMENTS =
  /(?:\.(?:py|pyi|sh|bash|zsh|ya?ml|toml|cfg|ini|conf|txt|in|env|dockerfile)|(?:^|\/)(?:Dockerfile[^/]*|Makefile|\.env[^/]*|\.gitignore|\.dockerignore))$/i;

/** A `#` comment: a whole line, or after whitespace at the end of one. */
const HASH_COMMENT = /(^|[ \t])#.*$/;

/** How much of a file's opening is read for where it comes from: its header comment or docstring. */
const HEADER_CHARS = 2000;

/** Words a header uses to say that the file is another project's. */
const THIRD_PARTY_HEADER = new RegExp(
  [
    String.raw`SPDX-License-Identifier`,
    String.raw`Licensed\s+under\s+the\s+(?:Apache|MIT|BSD)`,
    String.raw`Permission\s+is\s+hereby\s+granted`,
    String.raw`Redistribution\s+and\s+use\s+in\s+source`,
    String.raw`\b(?:copied|taken|borrowed|vendored|forked|ported|started)\s+from\s+(?:an?\s+)?(?:\S+\s+){0,8}?(?:\(?https?://|the\s+\S+\s+(?:repository|library|project|example))`,
    String.raw`\bcopyright\b[^\n]{0,80}https?://`,
  ].join("|"),
  "i",
);

/** Whether a file's opening says it is another project's code. */
export function isThirdParty(text: string): boolean {
  return THIRD_PARTY_HEADER.test(text.slice(0, HEADER_CHARS));
}

export function evidenceText(path: string, text: string): string {
  if (isThirdParty(text)) return text.replace(/[^\n]+/g, "");
  const hashComments = HASH_COMMENTS.test(path);
  if (!hashComments && !text.includes("[")) return text;
  let changed = false;
  const lines = text.split("\n").map((line) => {
    if (TASK_LINE.test(line)) {
      changed = true;
      return "";
    }
    if (hashComments && line.includes("#")) {
      const kept = line.replace(HASH_COMMENT, "$1");
      if (kept !== line) changed = true;
      return kept;
    }
    return line;
  });
  return changed ? lines.join("\n") : text;
}
