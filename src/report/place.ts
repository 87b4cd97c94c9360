/** Where something is, as every report prints it: `file`, `file:line` or `file:line:column`. */
export function formatPlace(file: string, line: number | null, column: number | null = null): string {
  return line === null ? file : column === null ? `${file}:${line}` : `${file}:${line}:${column}`;
}
