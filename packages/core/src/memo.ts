/**
 * A pure function of a text, remembered for the texts seen: meant for template text (prompts, examples), the
 * same in every report of a year. The store is emptied when it outgrows `max` entries, so that a long class
 * run of unusual reports cannot grow it without end. Callers must not change what they get back.
 */
export function memoizeText<T>(compute: (text: string) => T, max = 512): (text: string) => T {
  const store = new Map<string, T>();
  return (text) => {
    let value = store.get(text);
    if (value === undefined) {
      value = compute(text);
      if (store.size >= max) store.clear();
      store.set(text, value);
    }
    return value;
  };
}
