import { Command, CommanderError, Option } from "commander";
import { initCommand } from "./commands/init.js";
import { inspectCommand } from "./commands/inspect.js";
import { type LintCommandOptions, lintCommand } from "./commands/lint.js";
import { rulesCommand } from "./commands/rules.js";
import { watchCommand } from "./commands/watch.js";
import { type Io, printUserError } from "./io.js";
import { UserError } from "./messages.js";
import { VERSION } from "./version.js";

const collect = (value: string, previous: string[]) => [...previous, value];

function program(io: Io, setCode: (code: number) => void): Command {
  const cli = new Command("mlops-report")
    .description("Lints the DTU 02476 MLOps exam report (reports/README.md).")
    .version(VERSION, "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run mlops-report --help for usage)");

  cli
    .command("lint")
    .description(
      "lint reports: files, folders holding reports/README.md or README.md, class folders of group repositories, or globs (default: .)",
    )
    .argument("[paths...]", "report files, folders or globs")
    .addOption(
      new Option("-f, --format <name[=file]>", "output format, optionally to a file; repeatable")
        .argParser(collect)
        .default([], "terminal"),
    )
    .option("-o, --output <file>", "write the (single) standard-output format to a file")
    .option("-c, --config <file>", "use this config for every report (plugins allowed)")
    .option("--year <year>", "the course year's preset, where no config file applies (2023-2026)")
    .option("--allow-plugins", "load plugins also from configs found in linted folders")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this")
    .option("--quiet", "report errors only")
    .option("--junit-warnings", "JUnit: warnings are failures too (otherwise they go to <system-out>)")
    .option("--no-inline-config", "ignore <!-- mlops-report-disable --> comments")
    .option("--concurrency <auto|N|off>", "lint in N worker threads; auto: as many as pay off", "auto")
    .option(
      "--time-limit <seconds>",
      "in worker threads, give up a report that takes longer than this (default: 10)",
    )
    .option("--cache", "keep results and lint only reports, configs or linked files that changed")
    .option("--cache-location <path>", "the cache file, or a folder for it (default: ./.mlops-report-cache)")
    .option("--fix", "apply the fixes that cannot change what a report says, then report what is left")
    .addOption(
      new Option(
        "--fix-dry-run",
        "show those fixes as a unified diff on standard output (findings go to standard error); write nothing",
      ).conflicts("fix"),
    )
    .addOption(
      new Option("--watch", "lint again on every save of a report, its figures or its config").conflicts(
        "fix",
      ),
    )
    .option("--color", "force colour")
    .option("--no-color", "no colour")
    .action(async (paths: string[], options: LintCommandOptions & { watch?: boolean }) =>
      setCode(await (options.watch ? watchCommand : lintCommand)(paths, options, io)),
    );

  cli
    .command("inspect")
    .description("show the parsed report model")
    .argument("[path]", "a report file or folder", ".")
    .option("--json", "print the model as JSON")
    .action((path: string, options: { json?: boolean }) => setCode(inspectCommand(path, options, io)));

  cli
    .command("init")
    .description("write a starter .mlops-report.yaml for a course year")
    .option("--year <year>", "the course year (2023-2026)", "2026")
    .option("--force", "overwrite an existing .mlops-report.yaml")
    .action((options: { year: string; force?: boolean }) => setCode(initCommand(options, io)));

  cli
    .command("rules")
    .description("list every rule with its default severity and docs page")
    .action(() => setCode(rulesCommand(io)));

  return cli;
}

/** Runs the command line; resolves to the exit code (0 fine, 1 lint errors, 2 usage or input error). */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const cli = program(io, (c) => {
    code = c;
  });
  try {
    await cli.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code) ? 0 : 2;
    }
    if (error instanceof UserError) {
      printUserError(io, error);
      return 2;
    }
    throw error;
  }
}
