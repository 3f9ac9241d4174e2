import { basename, dirname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AnalyserOptions,
  type Analysis,
  CONFIG_FILE_NAME,
  DEFAULT_TIME_LIMIT_SECONDS,
  type Diagnostic as Finding,
  type Fix,
  KEPT_REPORTS,
  RecentMap,
  ReportAnalyser,
  UserError,
} from "@mlops-report/engine";
import { type QuestionCount, questionCounts } from "@mlops-report/reporters";
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  CodeLensRefreshRequest,
  type Connection,
  createConnection,
  DidChangeWatchedFilesNotification,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  countHints,
  countLenses,
  fixRange,
  overlaps,
  problemDiagnostic,
  SOURCE,
  toDiagnostic,
} from "./convert.js";
import { LintQueue } from "./lint-queue.js";
import { ReportWatcher } from "./report-watch.js";

/** Typing comes in bursts, and so do opened documents: one lint of each for each pause. */
export const DEBOUNCE_MS = 200;

/** The kind of the "fix all" action, which editors can run on save. */
const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** What an editor may pass as `initializationOptions`, as the command's options say it. */
interface InitOptions {
  config?: string;
  year?: string;
  allowPlugins?: boolean;
  inlineConfig?: boolean;
  timeLimit?: number;
}

function optionsFrom(params: InitializeParams): AnalyserOptions {
  const raw = (params.initializationOptions ?? {}) as Record<string, unknown>;
  const init: InitOptions = {
    ...(typeof raw.config === "string" ? { config: raw.config } : {}),
    ...(typeof raw.year === "string" || typeof raw.year === "number" ? { year: String(raw.year) } : {}),
    ...(typeof raw.allowPlugins === "boolean" ? { allowPlugins: raw.allowPlugins } : {}),
    ...(typeof raw.inlineConfig === "boolean" ? { inlineConfig: raw.inlineConfig } : {}),
    ...(typeof raw.timeLimit === "number" && raw.timeLimit > 0 ? { timeLimit: raw.timeLimit } : {}),
  };
  const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  const cwd = (root && pathOf(root)) ?? process.cwd();
  return {
    cwd,
    ...(init.config ? { config: resolve(cwd, init.config) } : {}),
    ...(init.year ? { year: init.year } : {}),
    allowPlugins: init.allowPlugins === true,
    inlineConfig: init.inlineConfig !== false,
    timeLimitSeconds: init.timeLimit ?? DEFAULT_TIME_LIMIT_SECONDS,
  };
}

/** The file a document is, or null for one that is not on disk (an unsaved buffer). */
function pathOf(uri: string): string | null {
  return uri.startsWith("file:") ? fileURLToPath(uri) : null;
}

/** An analysis as the editor is shown it: each question's counts as labels and hovers. */
type Shown =
  | Exclude<Analysis, { kind: "report" }>
  | (Omit<Extract<Analysis, { kind: "report" }>, "questions"> & { counts: QuestionCount[] });

interface Linted {
  version: number;
  analysis: Shown;
}

/**
 * Serves one editor over `connection`: diagnostics of each open report once opened and after each pause in
 * typing, the safe fixes as code actions (one by one, and all at once), and each question's counts as an inlay
 * hint, code lens and hover. Reports are linted again when a file in their folder or a config file changes.
 * Documents are linted one at a time, each within the size and time limits of the command, and the editor's
 * requests are answered between two lints; the analyses of the most recently used documents are kept for them.
 */
export function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const linted = new RecentMap<string, Linted>(KEPT_REPORTS);
  const told = new Set<string>();
  /** The document being opened: its first lint waits behind documents being edited. */
  let opening: string | null = null;
  let analyser: ReportAnalyser | null = null;
  let namedConfig: string | null = null;
  let startupProblem: string | null = null;
  let canRefreshHints = false;
  let canRefreshLenses = false;
  let canRegisterWatchers = false;
  /** Watches files itself when the editor cannot watch them for it. */
  let watcher: ReportWatcher | null = null;

  connection.onInitialize((params): InitializeResult => {
    const options = optionsFrom(params);
    namedConfig = options.config ?? null;
    try {
      analyser = new ReportAnalyser(options);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // A bad year is no reason to lint nothing: the detected template's year applies instead.
      startupProblem = error.message;
      const { year: _ignored, ...rest } = options;
      analyser = new ReportAnalyser(rest);
    }
    const workspace = params.capabilities.workspace;
    canRefreshHints = workspace?.inlayHint?.refreshSupport === true;
    canRefreshLenses = workspace?.codeLens?.refreshSupport === true;
    canRegisterWatchers = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    if (!canRegisterWatchers) watcher = new ReportWatcher((path) => changed([path]), namedConfig);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
      },
      serverInfo: { name: SOURCE },
    };
  });

  connection.onInitialized(() => {
    if (startupProblem) say(MessageType.Warning, startupProblem);
    // Figures that appear or go, and config files anywhere in the workspace.
    if (canRegisterWatchers)
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: "**/*" }],
      });
  });

  /** A message the editor shows once (a notification: nothing waits for the user to answer). */
  const say = (type: MessageType, message: string) =>
    void connection.sendNotification(ShowMessageNotification.type, { type, message });

  const analyse = async (document: TextDocument): Promise<Shown | null> => {
    const path = pathOf(document.uri);
    if (!path || !analyser) return null;
    const analysis = await analyser.analyse(path, document.getText());
    if (analysis.kind !== "report") return analysis;
    const { questions, ...rest } = analysis;
    return { ...rest, counts: questionCounts(questions) };
  };

  const publish = (document: TextDocument, analysis: Shown) => {
    const { uri, version } = document;
    if (analysis.kind === "not-a-report" && !told.has(uri)) {
      told.add(uri);
      const name = basename(pathOf(uri) ?? uri);
      say(
        MessageType.Info,
        `${name}: not an exam report (no "### Question N" heading), so mlops-report does not lint it`,
      );
    }
    const diagnostics =
      analysis.kind === "report"
        ? analysis.findings.map((finding) => toDiagnostic(finding, analysis.bom, analysis.docs))
        : analysis.kind === "problem"
          ? [problemDiagnostic(analysis.cause, analysis.message)]
          : [];
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };

  /** Lints the open document at `uri` (once its files are watched) and publishes its findings. */
  const lint = async (uri: string): Promise<void> => {
    try {
      const path = pathOf(uri);
      if (path && documents.get(uri)) await watcher?.add(path);
      const document = documents.get(uri);
      // A closed document keeps no diagnostics.
      const analysis = document ? await current(document) : null;
      // A newer version is on its way.
      if (!document || !analysis || documents.get(uri)?.version !== document.version) return;
      publish(document, analysis);
      if (canRefreshHints) void connection.languages.inlayHint.refresh();
      if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
    } catch (error) {
      // A bug, not the report: the editor's log says so, and the server goes on serving.
      connection.console.error(
        `${SOURCE}: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
      );
    }
  };
  const queue = new LintQueue(lint, DEBOUNCE_MS);

  /** The analysis of the document as it is now; linted afresh when the last one is of an older version. */
  const current = async (document: TextDocument): Promise<Shown | null> => {
    const last = linted.get(document.uri);
    if (last?.version === document.version) return last.analysis;
    const analysis = await analyse(document);
    if (analysis) linted.set(document.uri, { version: document.version, analysis });
    return analysis;
  };

  documents.onDidOpen(({ document }) => {
    opening = document.uri;
  });
  documents.onDidChangeContent(({ document }) => {
    // Opening a document counts as a change too, right after it opened.
    queue.add(document.uri, opening !== document.uri);
    opening = null;
  });
  documents.onDidClose(({ document }) => {
    queue.remove(document.uri);
    linted.delete(document.uri);
    told.delete(document.uri);
    const path = pathOf(document.uri);
    if (path) {
      void watcher?.remove(path);
      analyser?.close(path);
    }
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /** Lints again what a change of these files may change: every open report for a config, else their own. */
  function changed(paths: readonly string[]): void {
    analyser?.forgetRepositories();
    const again = (uri: string) => {
      linted.delete(uri);
      queue.add(uri, false);
    };
    if (paths.some((path) => basename(path) === CONFIG_FILE_NAME || path === namedConfig)) {
      analyser?.forget();
      for (const document of documents.all()) again(document.uri);
      return;
    }
    for (const document of documents.all()) {
      const path = pathOf(document.uri);
      if (!path) continue;
      const folder = dirname(path) + sep;
      if (paths.some((changed) => changed !== path && changed.startsWith(folder))) again(document.uri);
    }
  }
  connection.onDidChangeWatchedFiles(({ changes }) => changed(changes.flatMap((c) => pathOf(c.uri) ?? [])));
  connection.onShutdown(() => watcher?.close());

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const analysis = document ? await current(document) : null;
    if (!document || analysis?.kind !== "report") return [];
    return codeActions(document, analysis, params);
  });

  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    const document = documents.get(textDocument.uri);
    const analysis = document ? await current(document) : null;
    if (analysis?.kind !== "report") return null;
    const line = position.line + 1;
    const count = analysis.counts.find((c) => c.line <= line && line <= c.endLine);
    if (!count) return null;
    return { contents: { kind: "markdown", value: count.hover } };
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    const analysis = document ? await current(document) : null;
    return analysis?.kind === "report" ? countLenses(analysis.counts) : [];
  });

  connection.languages.inlayHint.on(async ({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    const analysis = document ? await current(document) : null;
    return document && analysis?.kind === "report" ? countHints(document, analysis.counts) : [];
  });

  /** Quick fixes for the findings in the range asked about, and "fix all" while any safe fix is left. */
  async function codeActions(
    document: TextDocument,
    analysis: Extract<Shown, { kind: "report" }>,
    params: CodeActionParams,
  ): Promise<CodeAction[]> {
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const fixable = analysis.findings.filter((f): f is Finding & { fix: Fix } => f.fix !== undefined);
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix))
      for (const finding of fixable) {
        const diagnostic = toDiagnostic(finding, analysis.bom, analysis.docs);
        if (!overlaps(diagnostic.range, params.range)) continue;
        actions.push({
          title: `Fix: ${finding.message}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: {
            changes: {
              [document.uri]: [
                { range: fixRange(document, finding.fix, analysis.bom), newText: finding.fix.text },
              ],
            },
          },
        });
      }
    const path = pathOf(document.uri);
    if (fixable.length > 0 && path && analyser && (wants(FIX_ALL_KIND) || wants(CodeActionKind.QuickFix))) {
      const text = document.getText();
      const fixed = await analyser.fixAll(path, text);
      if (fixed !== null)
        actions.push({
          title: "Fix all safe mlops-report findings",
          kind: FIX_ALL_KIND,
          edit: {
            changes: {
              [document.uri]: [
                {
                  range: { start: document.positionAt(0), end: document.positionAt(text.length) },
                  newText: fixed,
                },
              ],
            },
          },
        });
    }
    return actions;
  }

  documents.listen(connection);
  connection.listen();
}

/** Serves an editor over standard input and output (`mlops-report lsp --stdio`). */
export function serveStdio(): void {
  serve(createConnection(process.stdin, process.stdout));
}
