/** What `mcheck init` does to a project's package.json: the edit, and the words that say it. */
export interface PackageEdit {
  /** The new text, or null when nothing changes. */
  readonly text: string | null;
  /** What was done, as `init` prints it. */
  readonly said: string;
}

/** A new project's package.json: private, a `check` script, mcheck as a dev dependency. */
export function newPackageJson(dependency: string): string {
  const pkg = {
    name: 'derivations',
    private: true,
    scripts: { check: 'mcheck all' },
    devDependencies: { mcheck: dependency },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

/**
 * An existing package.json with mcheck added as a dev dependency and a `check` script, where
 * they are missing; nothing else is touched (key order and indentation kept). A file that is not
 * a JSON object is left alone, and the edit says so.
 */
export function addToPackageJson(text: string, dependency: string): PackageEdit {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch {
    return {
      text: null,
      said: 'is not valid JSON: add "mcheck": "' + dependency + '" to its devDependencies yourself',
    };
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) {
    return { text: null, said: 'is not a JSON object: add mcheck to its devDependencies yourself' };
  }
  const obj = pkg as Record<string, unknown>;
  const deps = { ...(obj.dependencies as object | undefined), ...(obj.devDependencies as object | undefined) };
  const done: string[] = [];
  if (!('mcheck' in deps)) {
    obj.devDependencies = { ...(obj.devDependencies as object | undefined), mcheck: dependency };
    done.push(`devDependencies.mcheck = ${dependency}`);
  }
  const scripts = (obj.scripts ?? {}) as Record<string, unknown>;
  if (!('check' in scripts)) {
    obj.scripts = { ...scripts, check: 'mcheck all' };
    done.push('scripts.check = mcheck all');
  }
  if (done.length === 0) return { text: null, said: 'already depends on mcheck and has a check script' };
  const indent = /^[ \t]+/m.exec(text)?.[0] ?? '  ';
  return { text: JSON.stringify(obj, null, indent) + '\n', said: `added ${done.join(' and ')}` };
}
