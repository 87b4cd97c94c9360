/** The files `mcheck init` writes, by path relative to the project folder. */

const EXAMPLE_SPEC = `# yaml-language-server: $schema=../node_modules/mcheck/dist/mcheck.schema.json
#
# An identity: the gradient of a least-squares loss. Run it with \`npx mcheck all\`.
# Each claim is checked on random draws against central finite differences.
id: least-squares-gradient
title: Gradients of |Wx - y|^2
source: example written by mcheck init

# Sizes, drawn afresh each trial. Disjoint ranges make W never square,
# so a missing transpose is a shape error rather than a lucky pass.
dims:
  m: [2, 4]
  n: [5, 7]

# The random inputs. [n] is a column vector (n×1).
vars:
  W: { shape: [m, n] }
  x: { shape: [n] }
  y: { shape: [m] }

# Named intermediate values, recomputed from the vars.
where:
  r: W * x - y

# Write claims in block style: in { ... } a comma would end the entry.
claims:
  - name: dW
    kind: gradient
    f: r' * r
    wrt: W
    expect: 2 * r * x'
  - name: dx
    kind: gradient
    f: r' * r
    wrt: x
    expect: 2 * W' * r
`;

const WORKFLOW = `# Checks every identity in identities/ on each push and pull request.
name: mcheck
on: [push, pull_request]
permissions:
  contents: read
jobs:
  mcheck:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install
      # Failing claims are annotated on their line in the spec (GITHUB_ACTIONS is set).
      # --no-install: run the mcheck that npm install put here, never fetch a package by its name.
      # The HTML report (formulas typeset, heatmaps of each failure) opens from the artifact offline.
      - run: >-
          npx --no-install mcheck all --reporter pretty
          --reporter junit=mcheck-report.xml --reporter html=mcheck-report.html
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: mcheck-report
          path: |
            mcheck-report.xml
            mcheck-report.html
`;

const VSCODE_SETTINGS = `{
  "yaml.schemas": {
    "./node_modules/mcheck/dist/mcheck.schema.json": ["identities/**/*.yaml", "identities/**/*.yml"]
  }
}
`;

/** Path → contents of every file `mcheck init` may create, but package.json (see package-json.ts). */
export function scaffoldFiles(): ReadonlyMap<string, string> {
  return new Map([
    ['identities/example.yaml', EXAMPLE_SPEC],
    ['.github/workflows/mcheck.yml', WORKFLOW],
    ['.vscode/settings.json', VSCODE_SETTINGS],
    ['.gitignore', 'node_modules/\nmcheck-report.xml\nmcheck-report.html\n'],
  ]);
}
