/**
 * Reading a posted form, the same way in every action. A body that says it is a form and cannot be read
 * as one (broken multipart framing, no boundary, a quote left open) is the client's mistake: a 400 with a
 * sentence, never a 500. The platform's parser (undici, behind `Request.formData()`) reads file names as
 * browsers send them, `=` and `;` included, which Remix's own multipart parser did not.
 */
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";

/** A body that cannot be read as the form it claims to be. */
export class MalformedFormError extends Error {
  override name = "MalformedFormError";
}

/** What can be read as a form: a Request, or a Response wrapped around a body the caller limits. */
type FormBody = Pick<Request, "formData" | "text" | "bodyUsed" | "headers">;

/**
 * The form in a body. Throws MalformedFormError when it cannot be read as one; an error of the body's
 * stream itself (a size limit, a dropped connection) is passed on as it is. No Content-Type and no body
 * (a bare POST) is an empty form.
 */
export async function parseForm(body: FormBody): Promise<FormData> {
  if (body.bodyUsed) throw new Error("the request's body was already read");
  if (!body.headers.has("Content-Type")) {
    if ((await body.text()) === "") return new FormData();
    throw new MalformedFormError("a body without a Content-Type");
  }
  try {
    return await body.formData();
  } catch (error) {
    // undici reports a body it cannot parse as a form (and a type that is not a form) with a TypeError.
    if (error instanceof TypeError) throw new MalformedFormError(error.message, { cause: error });
    throw error;
  }
}

/** The 400 answer to a form that cannot be read, in the reader's language. */
export function malformedForm(request: Request): Response {
  return new Response(t(getLang(request), "form.malformed"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** An action's form; a body that cannot be read as one throws the 400 answer (shown by the error boundary). */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await parseForm(request);
  } catch (error) {
    if (error instanceof MalformedFormError) throw malformedForm(request);
    throw error;
  }
}
