/**
 * The HTTP server: Express in front of the Remix build, with the database opened (and migrated) before the
 * first request so that a locked or broken database stops the start with one clear sentence.
 * `npm start` runs it on an existing build; `npm run demo` builds, seeds the sample data and runs it.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { DatabaseLockedError, closeDb } from "~/db/instance.server";
import { openAppDb } from "~/db/setup.server";
import { EnvError, getEnv } from "~/env.server";

const BUILD_PATH = path.resolve("build/index.js");

async function loadBuild(): Promise<ServerBuild> {
  const stamp = fs.statSync(BUILD_PATH).mtimeMs;
  // The query string makes Node load a fresh copy after a rebuild in development.
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${stamp}`)) as ServerBuild;
}

async function main(): Promise<void> {
  const env = getEnv();
  if (!fs.existsSync(BUILD_PATH)) {
    console.error("There is no build yet: run `npm run build` first (or `npm run demo`).");
    process.exit(1);
  }
  try {
    await openAppDb(env);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const development = env.NODE_ENV === "development" && process.env.npm_lifecycle_event === "dev";
  let build = await loadBuild();

  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all(
    "*",
    development
      ? async (req, res, next) => {
          try {
            build = await loadBuild();
            return createRequestHandler({ build, mode: "development" })(req, res, next);
          } catch (error) {
            next(error);
          }
        }
      : createRequestHandler({ build, mode: env.NODE_ENV }),
  );

  const server = app.listen(env.PORT, env.HOST, () => {
    console.log(`parboard: http://${env.HOST}:${env.PORT} (database ${env.DATABASE_PATH})`);
    if (development) void broadcastDevReady(build);
  });

  function shutdown(): void {
    server.close(() => {
      void closeDb(env.DATABASE_PATH).then(() => process.exit(0));
    });
  }
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
