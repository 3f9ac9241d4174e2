import { makePreset, type PresetChoice } from "@mlops-report/engine";
import type { Io } from "../io.js";

export type PresetCommandOptions = PresetChoice;

/** Writes a new course year's preset, made from its official template, to standard output. */
export async function presetCommand(options: PresetCommandOptions, io: Io): Promise<number> {
  io.stdout(await makePreset(io.cwd, options));
  return 0;
}
