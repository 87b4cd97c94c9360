/**
 * What a spec file is to the pairing of questions and answers: the id it defines, or the question
 * it answers. Watch mode keeps one per watched file to know what else a change touches.
 */
export interface SpecRole {
  /** The file, as runs name it. */
  readonly file: string;
  /** The id of the spec or question the file defines; null for an answer file or a file that does not load. */
  readonly id: string | null;
  /** The question id an answer file names (`answers: ID`); null for any other file. */
  readonly answers: string | null;
}

/** Watched files by name, in the order they were found. */
export type RoleIndex = ReadonlyMap<string, SpecRole>;

/** The ids a file touches: the one it defines and the one it answers. */
function idsOf(role: SpecRole | undefined): string[] {
  if (role === undefined) return [];
  return [role.id, role.answers].filter((id): id is string => id !== null);
}

/**
 * The files to rerun after `changed` files changed: those that still exist, and every file
 * paired with them by id, before or after the change. A question reruns with all of its answer
 * files and an answer file with its question and the question's other answers, so that a rerun
 * says what `mcheck all` would (two answer files for one question are an error of both). The old
 * roles count too: an answer file that now names another question still reruns the one it left.
 */
export function pairedFiles(before: RoleIndex, after: RoleIndex, changed: readonly string[]): string[] {
  const ids = new Set(changed.flatMap((file) => [...idsOf(before.get(file)), ...idsOf(after.get(file))]));
  const out = new Set(changed.filter((file) => after.has(file)));
  for (const role of after.values()) if (idsOf(role).some((id) => ids.has(id))) out.add(role.file);
  // In the order the files were found, so that a rerun loads them as a whole run would.
  return [...after.keys()].filter((file) => out.has(file));
}
