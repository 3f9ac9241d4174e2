import { basename, dirname, resolve, sep } from "node:path";
import {
  CONFIG_FILE_NAME,
  cacheFile,
  expandInputs,
  reportDependencies,
  STDIN_ARG,
} from "@mlops-report/engine";
import { type FSWatcher, watch } from "chokidar";
import { type Io, printNote } from "../io.js";
import { messages, UserError } from "../messages.js";
import { parseOutputs } from "../outputs.js";
import { type LintCommandOptions, lintCommand } from "./lint.js";

/** Saves come in bursts (an editor writes a file in steps): one run for each burst. */
const SETTLE_MS = 150;

/** Clears the screen and its scroll-back, cursor to the top left. */
const CLEAR = "\u001b[2J\u001b[3J\u001b[H";

/** What a watch run looks at: each report's folder with its figures, and where its config may be. */
interface Targets {
  /** Each report's folder, watched with the folders inside it (figures/). */
  reportFolders: string[];
  /** The folders above each report's, up to its repository root, watched for `.mlops-report.yaml` alone. */
  configFolders: string[];
  /** A config named with `--config`. */
  namedConfig: string | null;
  /** The repository around each report (other than the report folders), whose files are checklist evidence. */
  repositories: string[];
}

function targetsOf(paths: readonly string[], options: LintCommandOptions, io: Io): Targets {
  const reportFolders = new Set<string>();
  const configFolders = new Set<string>();
  const repositories = new Set<string>();
  for (const input of expandInputs(io.cwd, paths)) {
    if ("error" in input) continue;
    const { folder, configFolders: above, repository } = reportDependencies(input.report.path);
    reportFolders.add(folder);
    if (repository) repositories.add(repository);
    for (const dir of above) configFolders.add(dir);
  }
  return {
    reportFolders: [...reportFolders],
    configFolders: [...configFolders].filter((dir) => !reportFolders.has(dir)),
    namedConfig: options.config ? resolve(io.cwd, options.config) : null,
    repositories: [...repositories],
  };
}

/**
 * In a repository, what a run reads as checklist evidence: every file but git's folder (its index aside: staging
 * and committing change what git lists), installed packages and virtualenvs.
 */
function repositoryIgnored(ignored: (path: string) => boolean): (path: string) => boolean {
  const skipped = new Set(["node_modules", "site-packages", "__pycache__", ".venv", "venv"]);
  return (path) => {
    const parts = path.split(sep);
    const git = parts.lastIndexOf(".git");
    if (git >= 0)
      return !(git === parts.length - 1 || (git === parts.length - 2 && parts.at(-1) === "index"));
    return ignored(path) || parts.some((part) => skipped.has(part));
  };
}

/** Files whose changes never call for a run: version control, packages, and what the run writes itself. */
function ignoredPaths(options: LintCommandOptions, io: Io): (path: string) => boolean {
  const written = new Set(parseOutputs(options.format, options.output, io.cwd).flatMap((o) => o.file ?? []));
  if (options.cache) written.add(cacheFile(io.cwd, options.cacheLocation));
  return (path) => {
    const parts = path.split(sep);
    return written.has(path) || parts.includes(".git") || parts.includes("node_modules");
  };
}

/**
 * Lints, then lints again on every save of a report, its figures or its config, clearing the screen between
 * runs on a terminal; resolves to 0 when interrupted (Ctrl-C), as stopping a watch is no failure.
 */
export async function watchCommand(
  paths: readonly string[],
  options: LintCommandOptions,
  io: Io,
): Promise<number> {
  if (paths.includes(STDIN_ARG)) throw new UserError(messages.watchStdin());
  const first = await lintCommand(paths, options, io);
  const targets = targetsOf(paths, options, io);
  if (targets.reportFolders.length === 0) return first;

  const ignored = ignoredPaths(options, io);
  const watchers: FSWatcher[] = [
    watch(targets.reportFolders, { ignoreInitial: true, depth: 1, ignored }),
    watch([...targets.configFolders, ...(targets.namedConfig ? [dirname(targets.namedConfig)] : [])], {
      ignoreInitial: true,
      depth: 0,
      ignored,
    }),
    watch(targets.repositories, { ignoreInitial: true, ignored: repositoryIgnored(ignored) }),
  ];
  const relevantOutside = (path: string) =>
    basename(path) === CONFIG_FILE_NAME || path === targets.namedConfig;

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const rerun = async (): Promise<void> => {
    if (io.stdoutIsTTY) io.stdout(CLEAR);
    await lintCommand(paths, options, io);
    printNote(io, messages.watching(targets.reportFolders.length));
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (running) {
        again = true;
        return;
      }
      running = rerun().finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule();
        }
      });
    }, SETTLE_MS);
  };
  watchers[0]!.on("all", schedule);
  watchers[1]!.on("all", (_event, path) => {
    if (relevantOutside(resolve(path))) schedule();
  });
  watchers[2]!.on("all", schedule);

  await Promise.all(watchers.map((w) => new Promise<void>((ready) => w.once("ready", () => ready()))));
  printNote(io, messages.watching(targets.reportFolders.length));
  await new Promise<void>((stop) => {
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  if (timer) clearTimeout(timer);
  await Promise.all(watchers.map((w) => w.close()));
  await running;
  return 0;
}
