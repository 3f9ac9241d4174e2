import { createHash } from "node:crypto";
import type { ConfigSource } from "./configs.js";
import { VERSION } from "./version.js";

/** Raised when the layout of cache entries changes, so that older entries never match. */
export const CACHE_FORMAT = 2;

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** What decides a report's result besides the files it looks up: its text, its config, and the tool. */
export interface KeyParts {
  contentHash: string;
  config: ConfigSource;
  inlineConfig: boolean;
  allowPlugins: boolean;
  /** `--rule` settings, in order. */
  rules: readonly string[];
  /** `--report-unused-disable-directives`'s severity; null when not given. */
  unusedDirectives: string | null;
}

export function entryKey(parts: KeyParts): string {
  const config =
    parts.config.kind === "file"
      ? ["file", parts.config.path, parts.config.named]
      : ["preset", parts.config.year ?? "detected"];
  return createHash("sha256")
    .update(
      JSON.stringify([
        CACHE_FORMAT,
        VERSION,
        parts.contentHash,
        config,
        parts.inlineConfig,
        parts.allowPlugins,
        parts.rules,
        parts.unusedDirectives,
      ]),
    )
    .digest("hex");
}
