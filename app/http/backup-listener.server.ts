/**
 * The running server's door for `npm run backup`. The server holds the DuckDB file's lock, so no other
 * process can read the database while it runs: the backup command asks the server instead.
 *
 * Who may ask: whoever can read the key file the server writes beside the database at start-up
 * (`<DATABASE_PATH>.server.json`, mode 0600: the server's own OS user, and root). The door is a listener
 * of its own on 127.0.0.1 and a port the system picks, not a route of the web app, so neither the office
 * network nor a reverse proxy in front of the app can reach it; a request must carry the key as a bearer
 * token, and one a browser sends (with Origin or Sec-Fetch-Site) is refused, so a web page cannot use it.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { backupDatabase, siblingTempPath } from "~/db/backup.server";
import type { Db } from "~/db/instance.server";

export const serverKeyFileSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65535),
  token: z.string().min(32),
  database: z.string().min(1),
});
export type ServerKeyFile = z.infer<typeof serverKeyFileSchema>;

/** Where the server of a database file writes its key file. */
export function serverKeyFilePath(dbPath: string): string {
  return `${path.resolve(dbPath)}.server.json`;
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Written to a new file that only this user may read, then renamed over any file a killed server left. */
function writeKeyFile(file: string, content: ServerKeyFile): void {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(content)}\n`, { mode: 0o600, flag: "wx" });
  fs.renameSync(temp, file);
}

function answer(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end(`${text}\n`);
}

export interface BackupListener {
  port: number;
  close(): Promise<void>;
}

/** Starts the door and writes the key file; `close` stops it and removes the file. */
export async function startBackupListener(db: Db, dbPath: string): Promise<BackupListener> {
  const token = randomBytes(32).toString("base64url");
  const expected = digest(`Bearer ${token}`);
  let busy = false;

  async function sendBackup(res: http.ServerResponse): Promise<void> {
    const temp = siblingTempPath(dbPath, "backup");
    try {
      await backupDatabase(db, temp);
      const size = fs.statSync(temp).size;
      res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": String(size), "Cache-Control": "no-store" });
      await pipeline(fs.createReadStream(temp), res);
      console.log(`parboard: backup of ${dbPath} sent to a local client (${size} bytes)`);
    } finally {
      fs.rmSync(temp, { force: true });
      fs.rmSync(`${temp}.wal`, { force: true });
    }
  }

  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/backup") return answer(res, 404, "not found");
    if (req.headers.origin !== undefined || req.headers["sec-fetch-site"] !== undefined) return answer(res, 403, "not from a browser");
    const given = digest(req.headers.authorization ?? "");
    if (!timingSafeEqual(given, expected)) return answer(res, 401, "wrong or missing key");
    if (busy) return answer(res, 409, "a backup is already being written; try again when it is done");
    busy = true;
    sendBackup(res)
      .catch((error: unknown) => {
        console.error("parboard: the backup failed:", error);
        if (!res.headersSent) answer(res, 500, error instanceof Error ? error.message : String(error));
        else res.destroy(error instanceof Error ? error : new Error(String(error)));
      })
      .finally(() => {
        busy = false;
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the backup listener has no port");
  const keyFile = serverKeyFilePath(dbPath);
  writeKeyFile(keyFile, { pid: process.pid, port: address.port, token, database: path.resolve(dbPath) });
  return {
    port: address.port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Only our own file (it holds our key): one rewritten since (it cannot be, while we hold the lock) stays.
      if (fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8").includes(token)) fs.rmSync(keyFile, { force: true });
    },
  };
}
