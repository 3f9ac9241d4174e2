import { type DslFunction, describeParams, type FunctionRegistry, type ParamKind } from "./functions.js";

/** How a parameter of each kind is named in a call's outline. */
const PLACEHOLDERS: Record<ParamKind, string> = {
  checklist: "item",
  question: "q",
  term: "term",
  regex: "regex",
  glob: "glob",
};

/** `mentions(q, term, …terms)`: a call with its parameters named. */
function outline(f: DslFunction): string {
  const params = f.params.map((kind) => PLACEHOLDERS[kind]);
  if (f.rest !== undefined) params.push(`…${PLACEHOLDERS[f.rest]}s`);
  return `${f.name}(${params.join(", ")})`;
}

/** The function table of docs/expressions.md, one row per function of the registry, in its order. */
export function functionTable(functions: FunctionRegistry): string {
  const rows = functions.functions.map(
    (f) =>
      `| \`${outline(f)}\` | ${describeParams(f)} | ${f.returns === "boolean" ? "true/false" : "number"} | ${f.summary} |`,
  );
  return ["| Function | Arguments | Result | Meaning |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
