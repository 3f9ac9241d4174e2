/**
 * The part of a file's text that can be evidence of work: what a search of the repository reads. Lines that only
 * claim or mention work are blanked (kept as empty lines, so that line numbers stay): a task-list line (`- [ ]
 * Load test your application`) is a copy of a checklist, whoever wrote it, and a comment in code or config
 * (`# Load test dataset`, a `# - run: ruff check` left commented out) is not code that runs.
 */

/** A markdown task-list item: a bullet or number, then a box. */
const TASK_LINE = /^[ \t>]*(?:[-*+]|\d+[.)])[ \t]+\[[^\]\n]{0,3}\]/;

/** Files whose `#` starts a comment: Python, shell, YAML, TOML, INI-like configs, requirement lists, Docker and make files. */
const HASH_COMMENTS =
  /(?:\.(?:py|pyi|sh|bash|zsh|ya?ml|toml|cfg|ini|conf|txt|in|env|dockerfile)|(?:^|\/)(?:Dockerfile[^/]*|Makefile|\.env[^/]*|\.gitignore|\.dockerignore))$/i;

/** A `#` comment: a whole line, or after whitespace at the end of one. */
const HASH_COMMENT = /(^|[ \t])#.*$/;

export function evidenceText(path: string, text: string): string {
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
