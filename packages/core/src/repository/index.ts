export { type EntryKind, type EntryStat, nodeRepositoryFs, type RepositoryFs } from "./fs.js";
export {
  DEFAULT_REPOSITORY_LIMITS,
  type OpenRepositoryOptions,
  openRepository,
  type RepositoryLimits,
  type RepositorySearch,
  type RepositorySkip,
  type RepositoryView,
  type TextMatch,
} from "./view.js";
