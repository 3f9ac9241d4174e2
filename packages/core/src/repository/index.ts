export { type EntryKind, type EntryStat, nodeRepositoryFs, type RepositoryFs } from "./fs.js";
export { isRepositoryRecall, type Look, type RecalledSearch, type RepositoryRecall } from "./recall.js";
export {
  DEFAULT_REPOSITORY_LIMITS,
  isExcepted,
  type OpenRepositoryOptions,
  openRepository,
  type RepositoryLimits,
  type RepositorySearch,
  type RepositorySkip,
  type RepositoryView,
  type TextMatch,
} from "./view.js";
