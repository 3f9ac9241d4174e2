/**
 * NO_COLOR (any non-empty value) disables; FORCE_COLOR (non-"0") enables; otherwise colour iff stream is a TTY.
 * FORCE_COLOR=0 disables colour even on a TTY, and a TTY whose TERM is `dumb` gets none.
 */
export function shouldUseColor(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  const noColor = env.NO_COLOR;
  if (noColor !== undefined && noColor !== "") return false;
  const forceColor = env.FORCE_COLOR;
  if (forceColor !== undefined) return forceColor !== "0";
  return isTTY && env.TERM !== "dumb";
}
