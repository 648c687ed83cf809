/**
 * `npm run user -- add|reset|disable|enable|list`: accounts from the command line (the first administrator
 * is made this way). Passwords are typed without echo, or read from standard input with --password-stdin.
 * Like every command, it cannot run while the server holds the database; it says so.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { AccountError, createAccount, disableAccount, enableAccount, resetPassword } from "~/auth/accounts.server";
import { MIN_PASSWORD_LENGTH, newUserSchema, passwordSchema, usernameSchema } from "~/auth/forms";
import { getUsers } from "~/db/users.server";
import { isLang, t, type Lang } from "~/i18n/translate";
import { openDbOrExit, runCli } from "./cli-support";

class UsageError extends Error {
  override name = "UsageError";
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  // The first line: `echo secret | npm run user …` adds a newline that is not part of the password.
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const finish = (error: Error | null) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === "\r" || c === "\n") return finish(null);
        if (c === "\u0003") return finish(new Error("cancelled"));
        if (c === "\u007f" || c === "\b") value = value.slice(0, -1);
        else value += c;
      }
    };
    stdin.on("data", onData);
  });
}

async function askPassword(username: string, fromStdin: boolean, lang: Lang): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) throw new UsageError(t(lang, "usercli.noTty"));
  const first = await readHidden(t(lang, "usercli.prompt", { username }));
  const second = await readHidden(t(lang, "usercli.promptAgain"));
  if (first !== second) throw new UsageError(t(lang, "usercli.mismatch"));
  return first;
}

function issueText(lang: Lang, messages: string[]): string {
  return messages.map((m) => t(lang, m.startsWith("auth.") ? m : "auth.error.invalid", { min: MIN_PASSWORD_LENGTH })).join("\n");
}

await runCli(async (env) => {
  const envLang = (process.env.PARBOARD_LANG ?? process.env.LANG ?? "").slice(0, 2);
  let lang: Lang = isLang(envLang) ? envLang : "vi";
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        username: { type: "string" },
        role: { type: "string" },
        unit: { type: "string" },
        name: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        lang: { type: "string" },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${t(lang, "usercli.usage")}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (isLang(values.lang)) lang = values.lang;
  const command = positionals[0];
  const actor = { name: `cli:${os.userInfo().username}`, address: null };
  const fromStdin = values["password-stdin"] === true;

  if (command === "list") {
    const db = await openDbOrExit(env, lang);
    const users = await getUsers(db);
    if (users.length === 0) console.log(t(lang, "usercli.none"));
    else {
      console.log(t(lang, "usercli.listHeader"));
      for (const u of users) {
        const state = u.disabledAt ? t(lang, "usercli.disabledState") : t(lang, "usercli.active");
        console.log(`${u.username} | ${u.displayName} | ${t(lang, `auth.role.${u.role}`)} | ${u.unitCode ?? "—"} | ${state}`);
      }
    }
    return 0;
  }
  if (command !== "add" && command !== "reset" && command !== "disable" && command !== "enable") {
    console.error(t(lang, "usercli.usage"));
    return 2;
  }
  const username = usernameSchema.safeParse(values.username ?? "");
  if (!username.success) {
    console.error(`${issueText(lang, username.error.issues.map((i) => i.message))}\n${t(lang, "usercli.usage")}`);
    return 2;
  }
  // Opened before any password is typed: a server holding the database is reported at once.
  const db = await openDbOrExit(env, lang);
  try {
    if (command === "add") {
      const input = {
        username: username.data,
        displayName: values.name ?? username.data,
        role: values.role ?? "",
        unitCode: values.unit ?? "",
      };
      // Check everything but the password before asking for it.
      const early = newUserSchema.safeParse({ ...input, password: "x".repeat(MIN_PASSWORD_LENGTH) });
      if (!early.success) {
        console.error(issueText(lang, early.error.issues.map((i) => i.message)));
        return 2;
      }
      const form = newUserSchema.safeParse({ ...input, password: await askPassword(username.data, fromStdin, lang) });
      if (!form.success) {
        console.error(issueText(lang, form.error.issues.map((i) => i.message)));
        return 2;
      }
      const user = await createAccount(db, form.data, actor, new Date());
      console.log(t(lang, "usercli.added", { username: user.username, role: t(lang, `auth.role.${user.role}`), unit: user.unitCode ? `, ${user.unitCode}` : "" }));
      return 0;
    }
    if (command === "reset") {
      const password = passwordSchema.safeParse(await askPassword(username.data, fromStdin, lang));
      if (!password.success) {
        console.error(issueText(lang, password.error.issues.map((i) => i.message)));
        return 2;
      }
      await resetPassword(db, username.data, password.data, actor, new Date());
      console.log(t(lang, "usercli.reset", { username: username.data }));
      return 0;
    }
    if (command === "disable") {
      await disableAccount(db, username.data, actor, new Date());
      console.log(t(lang, "usercli.disabled", { username: username.data }));
    } else {
      await enableAccount(db, username.data, actor, new Date());
      console.log(t(lang, "usercli.enabled", { username: username.data }));
    }
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      console.error(t(lang, `auth.account.${error.code}`));
      return 1;
    }
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
});
