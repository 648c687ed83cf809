import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type DragEvent, type FormEvent } from "react";
import { AccessErrorBoundary } from "~/auth/access-error";
import { passThroughHeaders } from "~/http/route-headers";
import { requirePermission } from "~/auth/guards.server";
import { getRequestAuth } from "~/auth/load-context";
import { getLifespans, getUnits } from "~/db/units.server";
import { getAppDb } from "~/db/setup.server";
import { getEnv } from "~/env.server";
import { getLang } from "~/i18n/lang.server";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { commitKeyFor } from "./commit-key";
import { handleUploadAction } from "./upload-action.server";
import { UploadPreview, formatSize } from "./upload-preview";
import { useClientPreview, type ClientCheck } from "./use-client-preview";
import { getIngestWorkerUrl } from "./worker-url.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "upload");
  const db = await getAppDb();
  const [units, lifespans] = await Promise.all([getUnits(db), getLifespans(db)]);
  return json(
    {
      units: units.map((u) => ({ code: u.code, name: u.name })),
      lifespans,
      maxBytes: getEnv().MAX_UPLOAD_BYTES,
      workerUrl: getIngestWorkerUrl(),
      lang: getLang(request),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requirePermission(request, context, "upload");
  const auth = getRequestAuth(context);
  if (!auth.session) throw new Response("no session", { status: 401 });
  return handleUploadAction(request, {
    db: await getAppDb(),
    user,
    sessionHash: auth.session.idHash,
    address: auth.clientAddress,
    maxBytes: getEnv().MAX_UPLOAD_BYTES,
    now: new Date(),
  });
}

function CheckStatus({ state, lang }: { state: ClientCheck; lang: Lang }) {
  if (state.phase === "idle" || state.phase === "done") return null;
  if (state.phase === "failed") {
    return (
      <p className="notice notice-error">
        {t(lang, "upload.client.failed", { file: state.fileName, reason: state.message })}
      </p>
    );
  }
  const percent = state.phase === "reading" && state.total > 0 ? Math.round((100 * state.loaded) / state.total) : null;
  const label =
    state.phase === "reading"
      ? t(lang, "upload.progress.reading", { file: state.fileName, percent: percent ?? 0 })
      : t(lang, state.phase === "checking" ? "upload.progress.checking" : "upload.progress.comparing", { file: state.fileName });
  return (
    <div className="check-progress">
      <label htmlFor="check-progress">{label}</label>
      {percent === null ? <progress id="check-progress" /> : <progress id="check-progress" max={100} value={percent} />}
    </div>
  );
}

export default function UploadPage() {
  const { units, lifespans, maxBytes, workerUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const lang = useLang();
  const unitMap = useMemo(() => new Map(units.map((u) => [u.code, u.name])), [units]);
  const client = useClientPreview({ units, lifespans, maxBytes, workerUrl });
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [dragging, setDragging] = useState(false);
  // Which preview is on screen: the browser's own check, or the server's answer to the last post.
  const [source, setSource] = useState<"client" | "server">("server");
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (actionData) setSource("server");
  }, [actionData]);

  const busy = navigation.state === "submitting";
  // The file last sent to the check: React may replay a change made before hydration as well as the
  // effect below seeing the same file, and one file is checked once.
  const checkedRef = useRef<File | null>(null);
  const startCheck = (file: File | undefined, again = false) => {
    if (!file || (file === checkedRef.current && !again)) return;
    checkedRef.current = file;
    setSource("client");
    void client.check(file);
  };
  // A file picked before the page's JavaScript was ready (the dashboard pages link here with a full page
  // load) would otherwise wait for the button: check it as soon as the page is hydrated.
  useEffect(() => {
    startCheck(inputRef.current?.files?.[0]);
    // Once, at hydration; later picks go through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // With JavaScript the file is checked here first; the server still checks it again on commit.
    event.preventDefault();
    startCheck(inputRef.current?.files?.[0], true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = event.dataTransfer.files;
    if (inputRef.current && files.length > 0) inputRef.current.files = files;
    startCheck(files[0]);
  };
  const commitKeys = useRef(new WeakMap<File, string>());
  const commitClientFile = (file: File) => {
    const data = new FormData();
    data.append("intent", "commit-file");
    data.append("idempotency_key", commitKeyFor(commitKeys.current, file));
    data.append("file", file, file.name);
    submit(data, { method: "post", encType: "multipart/form-data" });
  };

  const serverView = source === "server" && actionData?.kind === "preview" ? actionData : null;
  const clientDone = source === "client" && client.state.phase === "done" ? client.state : null;
  const view = clientDone?.view ?? serverView?.view ?? null;
  const serverMessage = source === "server" && actionData?.kind === "message" ? actionData.key : null;

  return (
    <div className="upload-page">
      <h1>{t(lang, "upload.title")}</h1>
      <p>{t(lang, "upload.intro")}</p>
      <p>
        <a href="/template.csv" download>
          {t(lang, "upload.template")}
        </a>{" "}
        · <Link to="/uploads">{t(lang, "upload.historyLink")}</Link>
      </p>
      <Form method="post" encType="multipart/form-data" className="upload-form" onSubmit={onSubmit} ref={formRef}>
        <input type="hidden" name="intent" value="preview" />
        <div
          className={`drop-zone${dragging ? " is-dragging" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor="file" className="drop-label">
            {t(lang, "upload.file.label")}
          </label>
          <input
            ref={inputRef}
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv,text/plain"
            required
            aria-describedby="file-hint"
            onChange={(e) => startCheck(e.currentTarget.files?.[0])}
          />
          <p id="file-hint" className="muted">
            {t(lang, "upload.file.hint", { max: formatSize(lang, maxBytes) })}
            {hydrated ? ` ${t(lang, "upload.file.drop")}` : ""}
          </p>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t(lang, "upload.check")}
        </button>
      </Form>

      <div aria-live="polite" className="live-region">
        {source === "client" ? <CheckStatus state={client.state} lang={lang} /> : null}
        {source === "client" && client.state.phase === "failed" ? (
          // The server can check the same file: a plain post of the form, past the JavaScript check.
          <button type="button" onClick={() => formRef.current?.submit()}>
            {t(lang, "upload.checkOnServer")}
          </button>
        ) : null}
        {busy ? <p className="notice">{t(lang, "upload.saving")}</p> : null}
      </div>
      {serverMessage ? (
        <p className="notice notice-error" role="alert">
          {t(lang, serverMessage)}
        </p>
      ) : null}

      {view ? <UploadPreview view={view} units={unitMap} lang={lang} /> : null}

      {view?.ok && clientDone ? (
        <div className="commit-bar">
          <button type="button" className="primary" disabled={busy} onClick={() => commitClientFile(clientDone.file)}>
            {t(lang, "upload.commit")}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              client.reset();
              formRef.current?.reset();
            }}
          >
            {t(lang, "upload.discard")}
          </button>
          <p className="muted">{t(lang, "upload.commitNote")}</p>
        </div>
      ) : null}
      {view?.ok && serverView?.token ? (
        <div className="commit-bar">
          <Form method="post">
            <input type="hidden" name="token" value={serverView.token} />
            <button type="submit" name="intent" value="commit" className="primary" disabled={busy}>
              {t(lang, "upload.commit")}
            </button>{" "}
            <button type="submit" name="intent" value="discard" disabled={busy}>
              {t(lang, "upload.discard")}
            </button>
          </Form>
          <p className="muted">{t(lang, "upload.commitNote")}</p>
        </div>
      ) : null}
      {view && !view.ok ? <p className="muted">{t(lang, "upload.nothingSaved")}</p> : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t(data?.lang ?? "vi", "upload.title")} · parboard` }];

export const headers = passThroughHeaders;

export function ErrorBoundary() {
  return <AccessErrorBoundary />;
}
