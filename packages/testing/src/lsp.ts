import { type ChildProcess, spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import {
  type CodeAction,
  CodeActionRequest,
  type CodeLens,
  CodeLensRequest,
  createProtocolConnection,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  type FileEvent,
  type Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InlayHint,
  InlayHintRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type Range,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextEdit,
} from "vscode-languageserver-protocol/node";
import { CLI } from "./cli.js";

export const uriOf = (path: string) => pathToFileURL(path).href;

interface Published {
  version: number | undefined;
  diagnostics: Diagnostic[];
}

/**
 * An editor's side of the protocol, over the standard input and output of the built `mlops-report lsp --stdio`:
 * what a test sends (open, change, watched files) and what it waits for (the next diagnostics of a document).
 */
export class LspClient {
  readonly messages: string[] = [];
  /** How many times the server has published diagnostics, for any document. */
  publishCount = 0;
  readonly registrations: unknown[] = [];
  private readonly published = new Map<string, Published[]>();
  private readonly waiting: { uri: string; resolve: (p: Published) => void }[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, version, diagnostics }) => {
      this.publishCount++;
      const published = { version, diagnostics };
      const index = this.waiting.findIndex((w) => w.uri === uri);
      if (index !== -1) this.waiting.splice(index, 1)[0]!.resolve(published);
      else this.published.set(uri, [...(this.published.get(uri) ?? []), published]);
    });
    connection.onNotification(ShowMessageNotification.type, ({ message }) => {
      this.messages.push(message);
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
  }

  /**
   * Starts the server in `root` (the workspace folder) and initializes it; `watchesFiles`: the client offers to
   * watch files for the server (dynamic registration of `workspace/didChangeWatchedFiles`).
   */
  static async start(
    root: string,
    {
      initializationOptions = {},
      watchesFiles = true,
    }: { initializationOptions?: object; watchesFiles?: boolean } = {},
  ): Promise<LspClient> {
    const child = spawn(process.execPath, [CLI, "lsp", "--stdio"], { cwd: root, stdio: "pipe" });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new LspClient(child, connection);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: "workspace" }],
      initializationOptions,
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: watchesFiles } },
        textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The next diagnostics published for `uri` (one already received and not yet taken comes first). */
  nextDiagnostics(uri: string): Promise<Published> {
    const queued = this.published.get(uri);
    if (queued && queued.length > 0) return Promise.resolve(queued.shift()!);
    return new Promise((resolve) => this.waiting.push({ uri, resolve }));
  }

  /** The first diagnostics published from now on whose rule ids are `codes`, in order. */
  async diagnosticsWith(uri: string, codes: readonly string[]): Promise<Diagnostic[]> {
    for (;;) {
      const { diagnostics } = await this.nextDiagnostics(uri);
      if (JSON.stringify(diagnostics.map((d) => d.code)) === JSON.stringify(codes)) return diagnostics;
    }
  }

  /** The diagnostics published for `version` of the document, skipping those of earlier versions. */
  async diagnosticsOf(uri: string, version: number): Promise<Diagnostic[]> {
    for (;;) {
      const published = await this.nextDiagnostics(uri);
      if (published.version === version) return published.diagnostics;
    }
  }

  open(path: string, text: string): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uriOf(path), languageId: "markdown", version: 1, text },
    });
  }

  /** Replaces the document's whole text, as version `version`. */
  change(path: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uriOf(path), version },
      contentChanges: [{ text }],
    });
  }

  filesChanged(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async codeActions(path: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    const actions = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf(path) },
      range,
      context: { diagnostics: [], ...(only ? { only } : {}) },
    });
    return (actions ?? []) as CodeAction[];
  }

  hover(path: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf(path) },
      position: { line, character },
    });
  }

  async inlayHints(path: string, range: Range): Promise<InlayHint[]> {
    return (
      (await this.connection.sendRequest(InlayHintRequest.type, {
        textDocument: { uri: uriOf(path) },
        range,
      })) ?? []
    );
  }

  async codeLenses(path: string): Promise<CodeLens[]> {
    return (
      (await this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(path) } })) ?? []
    );
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }
}

/** The text after applying edits (as LSP ranges over `text`), as an editor applies a workspace edit. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) =>
    p.line >= lineStarts.length ? text.length : lineStarts[p.line]! + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted)
    out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

/** A finding as both the command's JSON and the server's diagnostics say it, to compare the two. */
export interface Finding {
  ruleId: string;
  severity: "error" | "warning" | "info";
  line: number;
  column: number;
  message: string;
}

const SEVERITY = { 1: "error", 2: "warning", 3: "info" } as const;

export function findingsOfDiagnostics(diagnostics: readonly Diagnostic[]): Finding[] {
  return sortFindings(
    diagnostics.map((d) => ({
      ruleId: String(d.code),
      severity: SEVERITY[d.severity as 1 | 2 | 3],
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      message: typeof d.message === "string" ? d.message : d.message.value,
    })),
  );
}

/** The findings of the one report of `mlops-report lint --format json`. */
export function findingsOfJson(stdout: string): Finding[] {
  const output = JSON.parse(stdout) as { results: { diagnostics: Finding[] }[] };
  return sortFindings(
    output.results[0]!.diagnostics.map(({ ruleId, severity, line, column, message }) => ({
      ruleId,
      severity,
      line,
      column,
      message,
    })),
  );
}

/** In source order; findings at one place by rule id and message. */
function sortFindings(findings: Finding[]): Finding[] {
  const text = (f: Finding) => `${f.ruleId}\0${f.message}`;
  return findings.sort(
    (a, b) => a.line - b.line || a.column - b.column || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0),
  );
}
