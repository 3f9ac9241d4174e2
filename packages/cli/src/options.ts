import { type Concurrency, DEFAULT_TIME_LIMIT_SECONDS } from "@mlops-report/engine";
import { messages, UserError } from "./messages.js";

/** `--time-limit SECONDS`: how long one report may take (the engine's default when not given). */
export function parseTimeLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIME_LIMIT_SECONDS;
  const seconds = Number(value);
  if (!/^\d+(?:\.\d+)?$/.test(value) || seconds <= 0) throw new UserError(messages.badTimeLimit(value));
  return seconds;
}

/** `--concurrency auto|off|N`, named as ESLint names it. */
export function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === "auto") return "auto";
  if (value === "off") return "off";
  if (/^\d+$/.test(value) && Number(value) >= 1) return Number(value);
  throw new UserError(messages.badConcurrency(value));
}

/** `--max-warnings N`: none given, any number of warnings passes. */
export function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(value)) throw new UserError(messages.badMaxWarnings(value));
  return Number(value);
}
