import { dirname, sep } from "node:path";
import { configFolders } from "@mlops-report/engine";
import { type FSWatcher, watch } from "chokidar";

/** Version control and packages: their changes never change a report's findings. */
const ignored = (path: string) => path.split(sep).some((part) => part === ".git" || part === "node_modules");

/**
 * For an editor that cannot watch files for the server: watches what an open report's findings depend on, its
 * folder with the folders inside it (figures/), and each folder its config may be in, and reports each path
 * that appears, changes or goes.
 */
export class ReportWatcher {
  private readonly watchers = new Map<string, FSWatcher[]>();

  constructor(
    private readonly onChange: (path: string) => void,
    private readonly namedConfig: string | null,
  ) {}

  /** Starts watching for the report at `path`; resolves once watching, so that no change after it is missed. */
  async add(path: string): Promise<void> {
    if (this.watchers.has(path)) return;
    // Only the config's folders: the editor's server watches no repository, so none is opened here.
    const folder = dirname(path);
    const above = [...configFolders(path), ...(this.namedConfig ? [dirname(this.namedConfig)] : [])].filter(
      (dir, index, all) => dir !== folder && all.indexOf(dir) === index,
    );
    const watchers = [
      watch(folder, { ignoreInitial: true, depth: 1, ignored }),
      ...(above.length > 0 ? [watch(above, { ignoreInitial: true, depth: 0, ignored })] : []),
    ];
    this.watchers.set(path, watchers);
    for (const watcher of watchers) watcher.on("all", (_event, changed) => this.onChange(changed));
    // Watching is a help, not a condition: a folder that cannot be watched (too many watches) is linted all the same.
    await Promise.all(
      watchers.map(
        (w) =>
          new Promise<void>((ready) => {
            w.once("ready", ready);
            w.on("error", () => ready());
          }),
      ),
    );
  }

  remove(path: string): Promise<void> {
    const watchers = this.watchers.get(path) ?? [];
    this.watchers.delete(path);
    return Promise.all(watchers.map((w) => w.close())).then(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all([...this.watchers.keys()].map((path) => this.remove(path)));
  }
}
