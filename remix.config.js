/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Native and server-only packages stay external: the server build imports them from node_modules at run time.
  serverDependenciesToBundle: [/^d3/, /^internmap/, /^delaunator/, /^robust-predicates/],
  browserNodeBuiltinsPolyfill: { modules: {} },
};
