// The project's public address has one source: `repository.url` in package.json. `homepage`
// and `bugs` there are the same base plus `#readme` and `/issues` (test/repository-address
// checks they agree), and everything else that prints or links the address (the CLI's SARIF
// metadata through the build's define, the marketplace README's images through vsce) reads
// package.json, so moving the project is an edit of package.json alone (CONTRIBUTING.md,
// "Publishing").

/** `https://host/owner/name` from package.json's `repository` (a string or `{ url }`, with or without `git+` and `.git`). */
export function repositoryBase(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!url) throw new Error('package.json has no repository.url: the CLI links its docs from it (CONTRIBUTING.md, "Publishing")');
  return url
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}
