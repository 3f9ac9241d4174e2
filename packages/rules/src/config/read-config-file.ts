import { decodeUtf8, describeReadFailure, FileReadError, readRegularFile } from "@mlops-report/core";
import type { Document } from "yaml";
import { ConfigError } from "./errors.js";
import { readYamlDocument } from "./yaml-reads.js";

/** The largest config read, in bytes: real ones are a few KB. */
export const CONFIG_SIZE_LIMIT = 256 * 1024;

function problem(file: string, message: string): ConfigError {
  return new ConfigError([{ file, text: "", offset: 0, length: 0, message }]);
}

/**
 * A config's text. Only a regular UTF-8 file within the size limit is read: a FIFO or a link to `/dev/zero` in
 * a group's repository must not hang the run, and nothing of a file that is not text is shown.
 */
export function readConfigText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, CONFIG_SIZE_LIMIT);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    const { failure } = error;
    if (failure.kind === "not-a-file" || failure.kind === "too-large")
      throw problem(file, `cannot read the config: ${describeReadFailure(failure)}`);
    throw problem(
      file,
      `${describeReadFailure(failure).replace(/^cannot be read/, "cannot read the config")}`,
    );
  }
  if (bytes.includes(0)) throw problem(file, "the config is not a text file (it contains NUL bytes)");
  const decoded = decodeUtf8(bytes);
  if ("invalidAt" in decoded)
    throw problem(file, `the config is not UTF-8 text (invalid byte at offset ${decoded.invalidAt})`);
  return decoded.text;
}

const TOO_DEEP = "the config is nested too deeply to read (thousands of levels)";

/**
 * The config's YAML document. The YAML parser recurses into nested collections: a config nested many thousand
 * deep (`[[[[…`) overflows the stack, and is one clear problem instead.
 */
export function parseYaml(file: string, text: string): Document.Parsed {
  let doc: Document.Parsed;
  try {
    doc = readYamlDocument(text).doc;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw problem(file, TOO_DEEP);
  }
  // The parser also catches the overflow itself, as one error per level it unwinds.
  if (doc.errors.some((e) => e.message.includes("Maximum call stack size exceeded")))
    throw problem(file, TOO_DEEP);
  return doc;
}
