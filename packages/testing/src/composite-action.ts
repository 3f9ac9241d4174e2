/**
 * Runs a composite action's steps the way the GitHub Actions runner does, for the parts of the runner an action
 * of `run: ... shell: bash` steps relies on: inputs with their defaults, `${{ }}` expressions in `env`,
 * `working-directory` and `run`, the runner's environment (GITHUB_WORKSPACE, GITHUB_ACTION_PATH, RUNNER_TEMP,
 * GITHUB_OUTPUT, ...), step outputs read back from GITHUB_OUTPUT, a failing step skipping the steps after it,
 * and the action's outputs. Anything else an action might use (`uses:`, `if:`, other expressions) is refused,
 * so that the test fails rather than pretends.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO_ROOT } from "./setting.js";

// The YAML parser the rules package uses, rather than a second one for the tests alone.
const yaml = createRequire(join(REPO_ROOT, "packages", "rules", "package.json"))("yaml") as {
  parse(text: string): unknown;
};

export interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

export interface ActionStep {
  id?: string;
  name?: string;
  shell?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  "working-directory"?: string;
}

export interface Action {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export function readAction(dir: string): Action {
  return yaml.parse(readFileSync(join(dir, "action.yml"), "utf8")) as Action;
}

export interface StepRun {
  id: string;
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export interface ActionRun {
  /** 0 when every step passed, else the exit code of the step that failed. */
  code: number | null;
  steps: StepRun[];
  outputs: Record<string, string>;
}

export interface RunActionOptions {
  /** The folder holding action.yml, as the runner downloads it (GITHUB_ACTION_PATH). */
  actionPath: string;
  /** The checked-out repository (GITHUB_WORKSPACE). */
  workspace: string;
  /** RUNNER_TEMP: an empty folder of the runner's own. */
  runnerTemp: string;
  inputs?: Record<string, string>;
  /** The environment of the job (the runner machine's). */
  env: Record<string, string>;
}

/** The `name=value` and `name<<DELIMITER` lines a step writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end === -1) throw new Error(`GITHUB_OUTPUT: no closing ${heredoc[2]} for ${heredoc[1]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
      continue;
    }
    const eq = line.indexOf("=");
    if (eq <= 0) throw new Error(`GITHUB_OUTPUT: malformed line ${JSON.stringify(line)}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, Record<string, string>>;
  github: Record<string, string>;
  runner: Record<string, string>;
}

/** Replaces `${{ expr }}` where expr is a property path (`inputs.path`, `steps.lint.outputs.x`, ...). */
function evaluate(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    const path = /^(inputs|github|runner)\.([\w-]+)$|^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (!path) throw new Error(`expression not supported by this runner: ${expression}`);
    if (path[3] !== undefined) return context.steps[path[3]]?.[path[4]!] ?? "";
    const scope = context[path[1] as "inputs" | "github" | "runner"];
    if (!(path[2]! in scope)) throw new Error(`unknown context value: ${expression}`);
    return scope[path[2]!]!;
  });
}

export function runAction(options: RunActionOptions): ActionRun {
  const action = readAction(options.actionPath);
  if (action.runs.using !== "composite") throw new Error(`not a composite action: ${action.runs.using}`);
  for (const name of Object.keys(options.inputs ?? {}))
    if (!(name in action.inputs)) throw new Error(`unexpected input ${name}`);
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    const given = options.inputs?.[name];
    if (given === undefined && input.required) throw new Error(`input required and not supplied: ${name}`);
    inputs[name] = given ?? input.default ?? "";
  }
  const context: Context = {
    inputs,
    steps: {},
    github: { workspace: options.workspace, action_path: options.actionPath },
    runner: { temp: options.runnerTemp },
  };
  const files = join(options.runnerTemp, "_runner_file_commands");
  mkdirSync(files, { recursive: true });

  const steps: StepRun[] = [];
  let code: number | null = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.uses !== undefined || step.if !== undefined || step.run === undefined)
      throw new Error(`step ${index}: only unconditional run steps are supported`);
    if (step.shell !== "bash") throw new Error(`step ${index}: shell ${step.shell} is not supported`);
    const id = step.id ?? `__step${index}`;
    const commandFiles = Object.fromEntries(
      ["GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"].map((name) => {
        const file = join(files, `${name.toLowerCase()}_${index}`);
        writeFileSync(file, "");
        return [name, file];
      }),
    );
    const script = join(files, `step_${index}.sh`);
    writeFileSync(script, evaluate(step.run, context));
    const env: Record<string, string> = {
      ...options.env,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: options.actionPath,
      RUNNER_TEMP: options.runnerTemp,
      ...commandFiles,
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value), context);
    const cwd = step["working-directory"] ? evaluate(step["working-directory"], context) : options.workspace;
    // The runner's command line for `shell: bash`.
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd,
      env,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    for (const name of ["GITHUB_ENV", "GITHUB_PATH"])
      if (readFileSync(commandFiles[name]!, "utf8") !== "")
        throw new Error(`step ${index} writes ${name}, which this runner does not apply`);
    const outputs = parseOutputFile(readFileSync(commandFiles.GITHUB_OUTPUT!, "utf8"));
    context.steps[id] = outputs;
    steps.push({ id, code: result.status, stdout: result.stdout, stderr: result.stderr, outputs });
    if (result.status !== 0) {
      code = result.status;
      break;
    }
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, output]) => [name, evaluate(output.value, context)]),
  );
  return { code, steps, outputs };
}
