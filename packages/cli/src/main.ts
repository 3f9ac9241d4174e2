import { Command, CommanderError, Option } from "commander";
import type { LintCommandOptions } from "./commands/lint.js";
import type { PresetCommandOptions } from "./commands/preset.js";
import { type Io, printUserError } from "./io.js";
import { UserError } from "./messages.js";
import { VERSION, VERSION_FLAGS } from "./version.js";

const collect = (value: string, previous: string[]) => [...previous, value];

/*
 * Each command's code is imported when that command runs: `--version` and `--help` load none of it, and `lint`
 * loads neither `watch`'s file watcher nor `inspect`. The parser, the rules and the reporters come with the
 * command that needs them.
 */
const lintCommand = async () => (await import("./commands/lint.js")).lintCommand;
const watchCommand = async () => (await import("./commands/watch.js")).watchCommand;

function program(io: Io, setCode: (code: number) => void): Command {
  const cli = new Command("mlops-report")
    .description("Lints the DTU 02476 MLOps exam report (reports/README.md).")
    .version(VERSION, VERSION_FLAGS.join(", "))
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Usage errors (an unknown option, a missing argument) begin as every other error of the command does.
      outputError: (text, write) => write(`mlops-report: ${text}`),
    })
    .showHelpAfterError("(run mlops-report --help for usage)");

  cli
    .command("lint")
    .description(
      "lint reports: files, folders holding reports/README.md or README.md, class folders of group repositories, or globs (default: .)",
    )
    .argument("[paths...]", "report files, folders or globs; - reads a report from standard input")
    .addOption(
      new Option("-f, --format <name[=file]>", "output format, optionally to a file; repeatable")
        .argParser(collect)
        .default([], "terminal"),
    )
    .option("-o, --output <file>", "write the (single) standard-output format to a file")
    .option("-c, --config <file>", "use this config for every report (plugins allowed)")
    .option("--year <year>", "the course year's preset, where no config file applies")
    .option(
      "--rule <setting>",
      "change a rule for this run, as under a config's rules: 'answer/word-count: off', 'answer/word-count: [warning, { counting: prose }]'; repeatable",
      collect,
      [],
    )
    .option(
      "--print-config <file>",
      "print the config that applies to this report (year, presets, every rule's severity and options) as JSON; lint nothing",
    )
    .option(
      "--stdin-filename <path>",
      "where the report read from standard input (path -) stands: its figures, repository and config are found from there",
    )
    .option("--allow-plugins", "load plugins also from configs found in linted folders")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this")
    .option("--quiet", "report errors only")
    .option("--junit-warnings", "JUnit: warnings are failures too (otherwise they go to <system-out>)")
    .option("--show-evidence", "terminal: per checklist item, what the answers and the repository show")
    .option("--no-inline-config", "ignore <!-- mlops-report-disable --> comments")
    .option(
      "--report-unused-disable-directives",
      "report a disable comment that disables no finding, as an error",
    )
    .option("--concurrency <auto|N|off>", "lint in N worker threads; auto: as many as pay off", "auto")
    .option("--time-limit <seconds>", "give up a report that takes longer than this (default: 10)")
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
    .action(async (paths: string[], options: LintCommandOptions & { watch?: boolean }) => {
      const command = await (options.watch ? watchCommand() : lintCommand());
      setCode(await command(paths, options, io));
    });

  cli
    .command("inspect")
    .description("show the parsed report model")
    .argument("[path]", "a report file or folder", ".")
    .option("--json", "print the model as JSON")
    .option("--time-limit <seconds>", "give up a report that takes longer than this (default: 10)")
    .option("-c, --config <file>", "count as this config's rules do (default: the config lint would use)")
    .option("--year <year>", "the course year's preset, where no config file applies")
    .action(
      async (
        path: string,
        options: { json?: boolean; config?: string; year?: string; timeLimit?: string },
      ) => {
        const { inspectCommand } = await import("./commands/inspect.js");
        setCode(await inspectCommand(path, options, io));
      },
    );

  cli
    .command("init")
    .description("write a starter .mlops-report.yaml for a course year")
    .option("--year <year>", "the course year (default: the latest)")
    .option("--force", "overwrite an existing .mlops-report.yaml")
    .action(async (options: { year?: string; force?: boolean }) => {
      const { initCommand } = await import("./commands/init.js");
      setCode(initCommand(options, io));
    });

  cli
    .command("preset")
    .description("write a new course year's preset, made from its official template, to standard output")
    .requiredOption("--from-template <file>", "the year's unfilled report template (reports/README.md)")
    .option(
      "--extends <preset>",
      "the preset it extends (default: the latest year's, e.g. mlops-report:2026)",
    )
    .option("--year <year>", "the new course year (default: the year after the preset's)")
    .action(async (options: PresetCommandOptions) => {
      const { presetCommand } = await import("./commands/preset.js");
      setCode(await presetCommand(options, io));
    });

  cli
    .command("lsp")
    .description("run the language server that editors start (diagnostics, safe fixes, counts per question)")
    .option("--stdio", "talk to the editor over standard input and output (the only transport)")
    .action(async () => {
      const { lspCommand } = await import("./commands/lsp.js");
      lspCommand();
    });

  cli
    .command("rules")
    .description("list every rule with its default severity and docs page")
    .option("--json", "print the list as JSON")
    .action(async (options: { json?: boolean }) => {
      const { rulesCommand } = await import("./commands/rules.js");
      setCode(rulesCommand(options, io));
    });

  return cli;
}

/** Runs the command line; resolves to the exit code (0 fine, 1 lint errors, 2 usage or input error). */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const cli = program(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    // No command is a usage error, as in other linters: the help goes where errors go.
    io.stderr(cli.helpInformation());
    return 2;
  }
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
