import { DEFAULT_TIME_LIMIT_SECONDS } from "@mlops-report/engine";
import { messages, UserError } from "./messages.js";

/** `--time-limit SECONDS`: how long one report may take (the engine's default when not given). */
export function parseTimeLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIME_LIMIT_SECONDS;
  const seconds = Number(value);
  if (!/^\d+(?:\.\d+)?$/.test(value) || seconds <= 0) throw new UserError(messages.badTimeLimit(value));
  return seconds;
}
