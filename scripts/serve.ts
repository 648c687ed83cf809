/**
 * The HTTP server: Express in front of the Remix build, with the database opened (and migrated) before the
 * first request so that a locked or broken database stops the start with one clear sentence.
 * `npm start` runs it on an existing build; `npm run demo` builds, seeds the sample data and runs it.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { ensureDemoAccounts } from "~/auth/demo.server";
import { bodyLimits, getLoadContext, privateGate, refuseCrossSite, resolveSession, withSecurityHeaders } from "~/http/express.server";
import { PageCache } from "~/http/page-cache.server";
import { createRequestHandler } from "~/http/remix-handler.server";
import { getDataVersion } from "~/db/data-version.server";
import { proxyTrust } from "~/http/trusted-proxy.server";
import { startBackupListener } from "~/http/backup-listener.server";
import { DatabaseLockedError, closeDb, type Db } from "~/db/instance.server";
import { openAppDb } from "~/db/setup.server";
import { DataFileError } from "~/domain/data-file-error";
import { t } from "~/i18n/translate";
import { countActiveAdmins } from "~/db/users.server";
import { getScoring } from "~/config/scoring.server";
import { getTargets } from "~/config/targets.server";
import { EnvError, getEnv, type Env } from "~/env.server";

const BUILD_PATH = path.resolve("build/index.js");

async function loadBuild(): Promise<ServerBuild> {
  const stamp = fs.statSync(BUILD_PATH).mtimeMs;
  // The query string makes Node load a fresh copy after a rebuild in development.
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${stamp}`)) as ServerBuild;
}

/** What the operator needs to know about accounts at start-up. */
async function announceAccounts(db: Db, env: Env): Promise<void> {
  if (env.sessionSecretIsDev) {
    console.warn(
      "parboard: SESSION_SECRET is not set; using the fixed development secret. Set NODE_ENV=production and a SESSION_SECRET of 32+ random characters for real use.",
    );
  }
  if (!env.SESSION_COOKIE_SECURE && env.NODE_ENV === "production") {
    console.warn("parboard: SESSION_COOKIE_SECURE=0: the session cookie is sent over plain HTTP. Put the server behind HTTPS if it is reachable beyond the office network.");
  }
  if (env.PARBOARD_DEMO) {
    const accounts = await ensureDemoAccounts(db, new Date());
    console.log("parboard demo accounts (new passwords at every demo start):");
    for (const a of accounts) {
      const role = `${a.role}${a.unitCode ? ` of ${a.unitCode}` : ""}`;
      if (a.password === null) console.log(`  ${a.username.padEnd(8)} (an existing account, not made by demo mode: left as it is)  ${role}`);
      else console.log(`  ${a.username.padEnd(8)} ${a.password}  ${role}${a.status === "created" ? " (created)" : ""}`);
    }
  } else if ((await countActiveAdmins(db)) === 0) {
    console.log("parboard: no administrator account yet. Stop the server and run: npm run user -- add --username admin --role admin");
  }
  if (env.PARBOARD_PRIVATE) console.log("parboard: private dashboard (PARBOARD_PRIVATE=1): every page requires login.");
  if (env.trustedProxies.length > 0) console.log(`parboard: client addresses from X-Forwarded-For sent by ${env.trustedProxies.join(", ")} only.`);
}

async function main(): Promise<void> {
  if (process.env.PARBOARD_DEMO === "1" && !process.env.SESSION_SECRET) {
    // A demo runs in production mode with a secret of its own: sessions last as long as this run.
    process.env.SESSION_SECRET = randomBytes(32).toString("base64url");
  }
  const env = getEnv();
  // A broken scoring configuration stops the start, not the first page that needs a score.
  getScoring(env.DATA_DIR);
  if (!fs.existsSync(BUILD_PATH)) {
    console.error("There is no build yet: run `npm run build` first (or `npm run demo`).");
    process.exit(1);
  }
  let db: Db;
  try {
    // A wrong targets.json or registry stops the start before the database is written to.
    getTargets(env.DATA_DIR);
    db = await openAppDb(env);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`${error.message}`);
      process.exit(1);
    }
    if (error instanceof DataFileError) {
      // The operator may read either language: the sentence in both.
      console.error(t("vi", error.problem.key, error.problem.params));
      console.error(t("en", error.problem.key, error.problem.params));
      process.exit(1);
    }
    throw error;
  }
  await announceAccounts(db, env);

  const development = env.NODE_ENV === "development" && process.env.npm_lifecycle_event === "dev";
  let build = await loadBuild();

  const app = express();
  app.disable("x-powered-by");
  // X-Forwarded-For (and -Host, -Proto) count only on connections from a configured proxy: a client that
  // reaches the port directly cannot choose the address the login limits and the audit log see.
  const trust = proxyTrust(env.trustedProxies);
  app.set("trust proxy", (address: string) => trust(address));
  // Security headers (with this response's CSP nonce) on everything, static files included.
  app.use(withSecurityHeaders(env));
  // Before anything that may answer early: every answer then bounds what is read of an unread body.
  const bodies = bodyLimits(env);
  app.use(bodies.check);
  app.use(refuseCrossSite(trust));
  app.use(compression());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(resolveSession(env, () => openAppDb(env)));
  app.use(privateGate(env));
  // Remix reads bodies through the count of bodyLimits, and believes forwarded headers as Express does.
  // Public pages rendered once per data version (decision 014); PAGE_CACHE_MB=0 renders every request. A
  // private dashboard has no anonymous reader to serve, so nothing to keep or warm.
  const pages = new PageCache({
    maxBytes: env.PARBOARD_PRIVATE ? 0 : env.PAGE_CACHE_MB * 1024 * 1024,
    dataVersion: async () => getDataVersion(await openAppDb(env)),
    scoringHash: () => getScoring(env.DATA_DIR).hash,
  });
  const remix = { getLoadContext, capOf: bodies.capOf, refuseTooLarge: bodies.refuseTooLarge, trust, pages };
  const production = development ? null : createRequestHandler({ build, mode: env.NODE_ENV, ...remix });
  app.all(
    "*",
    production ??
      (async (req, res, next) => {
        try {
          build = await loadBuild();
          return createRequestHandler({ build, mode: "development", ...remix })(req, res, next);
        } catch (error) {
          next(error);
        }
      }),
  );

  // `npm run backup` asks the running server, which holds the database, on a loopback door of its own.
  const backups = await startBackupListener(db, env.DATABASE_PATH);
  const server = app.listen(env.PORT, env.HOST, () => {
    console.log(`parboard: http://${env.HOST}:${env.PORT} (database ${env.DATABASE_PATH})`);
    if (development) void broadcastDevReady(build);
  });

  // Stopping waits for the requests under way, the pages being warmed and the backups, then closes the
  // database (which itself waits for any query still running) and exits 0.
  function shutdown(): void {
    server.close(() => {
      void Promise.all([backups.close(), production?.idle()])
        .then(() => closeDb(env.DATABASE_PATH))
        .then(() => process.exit(0));
    });
  }
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
