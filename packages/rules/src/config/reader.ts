import { isMap, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import type { RegExpFactory } from "../linear-regexp.js";
import type { ConfigProblem } from "./errors.js";
import type { Origin } from "./merged-config.js";
import { nodeLength, nodeStart } from "./yaml-positions.js";

/** One config file being read: its problems, each at the YAML node it is about. */
export class Reader {
  readonly problems: ConfigProblem[] = [];
  constructor(
    readonly file: string,
    readonly text: string,
    /** How this file's regexes are made: in linear time for a config found in a linted repository. */
    readonly regExp: RegExpFactory,
  ) {}

  fail(node: Node | null | undefined, message: string, suggestion?: string): void {
    this.problems.push({
      file: this.file,
      text: this.text,
      offset: nodeStart(node),
      length: nodeLength(node),
      message,
      ...(suggestion ? { suggestion } : {}),
    });
  }

  origin(node: Node): Origin {
    return { file: this.file, text: this.text, node };
  }

  /** Each pair of a mapping, or a problem when the node is no mapping. */
  pairs(node: Node | null | undefined, what: string): Pair<Scalar, Node>[] {
    if (node === null || node === undefined) return [];
    if (!isMap(node)) {
      this.fail(node, `${what} must be a mapping`);
      return [];
    }
    return (node as YAMLMap<Scalar, Node>).items;
  }
}

/** A mapping key as the messages name it. */
export function keyName(pair: Pair<Scalar, Node>): string {
  return String(pair.key?.value);
}
