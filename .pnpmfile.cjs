// The packed command bundles the workspace packages (packages/cli/tsup.config.ts), so its packed manifest
// keeps only what npm must install: no devDependencies (workspace packages no registry has), no scripts.
module.exports = {
  hooks: {
    beforePacking(pkg) {
      if (pkg.name !== "mlops-report") return pkg;
      const { devDependencies, scripts, ...packed } = pkg;
      return packed;
    },
  },
};
