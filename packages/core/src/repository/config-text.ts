/*
 * git reads a repository's config before it lists the index, and a few settings there change the listing: a
 * `core.worktree` elsewhere lists part of the index or none of it, an extension or a newer repository format it
 * does not know makes it refuse (and `extensions.objectFormat` changes the index's layout), a line it cannot parse
 * makes it fail. The index is read directly only under a config of plain lines that sets none of these; any
 * other config (includes, quoting, escapes, continued lines) is left to git, which reads it exactly.
 */

const SECTION = /^\[([A-Za-z0-9-]+)(?:[ \t]+"[^"\\]*")?\]$/;
const VARIABLE = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*(?:=([^"\\]*))?$/;
/** Sections whose mere presence leaves the config to git. */
const GIT_ONLY_SECTIONS = new Set(["include", "includeif", "extensions"]);

/** Whether a line holds a control character other than a tab: git's parser treats some of them specially. */
function hasControl(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

/** Spaces and tabs at either end: what git's parser skips (a line with other white space is left to git). */
function trimmed(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, "");
}

/** A variable's value as git takes it: without a trailing comment and the spaces around it. */
function variableValue(raw: string | undefined): string {
  return trimmed((raw ?? "").replace(/[#;].*$/, ""));
}

/** Whether a variable of a section leaves the listing as the index says; `section` is lower case. */
function variableIsPlain(section: string, name: string, raw: string | undefined): boolean {
  if (section !== "core") return true;
  const key = name.toLowerCase();
  if (key === "worktree") return false;
  return key !== "repositoryformatversion" || /^[01]$/.test(variableValue(raw));
}

/**
 * Whether git, reading this config text, lists the index as it is: every line blank, a comment, a section header
 * or a variable without quotes or escapes; no include, no extension, no `core.worktree`, a repository format of
 * 0 or 1.
 */
export function configLeavesIndexAsIs(text: string): boolean {
  let section: string | null = null;
  for (const raw of text.split("\n")) {
    const line = trimmed(raw.replace(/\r$/, ""));
    if (hasControl(line)) return false;
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = SECTION.exec(line);
    if (header) {
      section = (header[1] ?? "").toLowerCase();
      if (GIT_ONLY_SECTIONS.has(section)) return false;
      continue;
    }
    const variable = VARIABLE.exec(line);
    if (!variable || section === null || !variableIsPlain(section, variable[1] ?? "", variable[2]))
      return false;
  }
  return true;
}
